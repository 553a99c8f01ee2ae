// The table: one row per figure, median (min–max) of the runs, the target and whether it is met.
import { cpus, loadavg, totalmem } from 'node:os';
import type { Spread } from './stats.ts';

export interface Row {
  section: string;
  figure: string;
  unit: string;
  value: Spread;
  /** Met when the median is at most this. */
  target?: number;
}

export interface Machine {
  cpu: string;
  cores: number;
  memGiB: number;
  loadAvg: number[];
  node: string;
  chromium: string;
  at: string;
}

export function machine(chromium: string): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAvg: loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    chromium,
    at: new Date().toISOString(),
  };
}

const fmt = (x: number) => (!Number.isFinite(x) ? '—' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

export function verdictOf(row: Row): string {
  if (row.target === undefined) return '';
  return row.value.median <= row.target ? 'ok' : 'MISSED';
}

/** A Markdown table: readable in a terminal, pasteable into the README as it is. */
export function table(rows: Row[]): string {
  const head = ['what', 'median', 'min – max', 'runs', 'target', ''];
  const body = rows.map((r) => [
    `${r.section}: ${r.figure}`,
    `${fmt(r.value.median)} ${r.unit}`,
    `${fmt(r.value.min)} – ${fmt(r.value.max)}`,
    String(r.value.runs.length),
    r.target === undefined ? '' : `≤ ${fmt(r.target)} ${r.unit}`,
    verdictOf(r),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export function machineLine(m: Machine): string {
  return `machine: ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB, load average ${m.loadAvg.join(' / ')}; Node ${m.node}; Chromium ${m.chromium}; ${m.at}`;
}
