// The live-loop table of `npm run bench:decode`: one column per candidate schedule (replay.ts).

import type { BenchItem } from './run.ts';
import { CANDIDATES, emptyFrameMs, MAX_FRAMES, PHASES, replayPhoto, type Candidate, type LookResult } from './replay.ts';

const median = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = (s.length - 1) / 2;
  return (s[Math.floor(m)]! + s[Math.ceil(m)]!) / 2;
};
const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))]!;
};

interface Column {
  c: Candidate;
  /** Per item: mean frames to the read over the start phases, null when some phase did not read. */
  frames: (number | null)[];
  misread: boolean[];
}

export function reportLoop(items: BenchItem[], looks: LookResult[][], where: string): string {
  const isCorpus = (it: BenchItem) => !it.set.startsWith('ticket');
  const noCode = (it: BenchItem) => it.expected === null;
  const columns: Column[] = CANDIDATES.map((c) => {
    const frames: (number | null)[] = [];
    const misread: boolean[] = [];
    items.forEach((it, i) => {
      const r = replayPhoto(c, looks, i, it.expected);
      frames.push(r.frames.every((f) => f !== null) ? (r.frames as number[]).reduce((a, b) => a + b, 0) / r.frames.length : null);
      misread.push(r.misread);
    });
    return { c, frames, misread };
  });

  const groups: { label: string; idx: number[]; fp: boolean }[] = [];
  const idx = (pred: (it: BenchItem) => boolean) => items.flatMap((it, i) => (pred(it) ? [i] : []));
  const sets = [...new Set(items.map((it) => it.set))];
  for (const set of sets.filter((s) => !s.startsWith('ticket') && !s.startsWith('falsepositives'))) groups.push({ label: set, idx: idx((it) => it.set === set), fp: false });
  groups.push({ label: 'CORPUS TOTAL', idx: idx((it) => isCorpus(it) && !noCode(it)), fp: false });
  for (const set of sets.filter((s) => s.startsWith('falsepositives'))) groups.push({ label: `${set} (FP)`, idx: idx((it) => it.set === set), fp: true });
  const distortions = [...new Set(items.flatMap((it) => (it.distortion && !noCode(it) ? [it.distortion] : [])))];
  for (const d of distortions) groups.push({ label: `ticket ${d}`, idx: idx((it) => it.set.startsWith('ticket-') && !noCode(it) && it.distortion === d), fp: false });
  groups.push({ label: 'TICKET TOTAL', idx: idx((it) => it.set.startsWith('ticket-') && !noCode(it)), fp: false });
  groups.push({ label: 'empty 640x480 (FP)', idx: idx((it) => it.set === 'ticket-none'), fp: true });

  const cell = (col: Column, g: (typeof groups)[number]) =>
    g.fp ? `${g.idx.filter((i) => col.misread[i]).length} FP` : `${g.idx.filter((i) => col.frames[i] !== null).length}/${g.idx.length}`;
  const corpusIdx = idx((it) => isCorpus(it) && !noCode(it));
  const readFrames = (col: Column, among: number[]) => among.flatMap((i) => (col.frames[i] === null ? [] : [col.frames[i]!]));
  const emptyIdx = idx(noCode);
  const emptyMs = (c: Candidate) => emptyIdx.map((i) => emptyFrameMs(c, looks, i));
  const todayMs = median(emptyMs(CANDIDATES[0]!));

  const rows: string[][] = groups.map((g) => [g.label, ...columns.map((col) => cell(col, g))]);
  rows.push(['misreads (wrong text, coded)', ...columns.map((col) => String(items.filter((it, i) => !noCode(it) && col.misread[i]).length))]);
  rows.push(['frames per corpus read med/p90', ...columns.map((col) => {
    const f = readFrames(col, corpusIdx);
    return `${median(f).toFixed(1)} / ${quantile(f, 0.9).toFixed(1)}`;
  })]);
  rows.push(['ms per empty frame, median', ...columns.map((col) => median(emptyMs(col.c)).toFixed(2))]);
  rows.push(['  × today', ...columns.map((col) => `${(median(emptyMs(col.c)) / todayMs).toFixed(2)}×`)]);

  const wrong = columns.flatMap((col) =>
    items.flatMap((it, i) => (!noCode(it) && col.misread[i] ? [`  ${col.c.label}: ${it.set}/${it.name} (expected ${JSON.stringify(it.expected).slice(0, 40)})`] : [])));
  const header = ['live loop, 640x480 frames', ...columns.map((col) => col.c.label)];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const fmt = (r: string[]) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join(' | ');
  return [
    `live loop on a still frame (replayed, ${PHASES} start phases, a read within ${MAX_FRAMES} frames from every phase; frames per read = mean over phases)`,
    `timings: decode ms only, frames with no code timed 5× per look (median), on a shared machine — ${where}`,
    '',
    fmt(header),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.map(fmt),
    ...(wrong.length ? ['', 'coded photos where another text came first (qrcode-2/16 holds two QR codes, one inside the other):', ...wrong] : []),
  ].join('\n');
}
