// The table: one row per figure and, per CPU rate, the median (min–max) of the runs, the target and whether it is met.
import { cpus, loadavg, totalmem } from 'node:os';
import type { Spread } from './stats.ts';

/** One figure at each CPU rate it was measured at (1 = host speed, 4 = the page throttled 4x). */
export interface Row {
  section: string;
  figure: string;
  unit: string;
  values: Map<number, Spread>;
  /** Per rate: met when the median is at most this. */
  targets: Map<number, number>;
  /** Time spent in a worker, which CPU throttling does not reach (lab.ts): at 4x it runs at host speed. */
  worker?: boolean;
}

export type Targets = Partial<Record<number, number>>;

/** Rows in the order first added; the same figure at another rate joins its row. */
export class Rows {
  readonly list: Row[] = [];
  private readonly byKey = new Map<string, Row>();

  add(rate: number, section: string, figure: string, unit: string, value: Spread, targets: Targets = {}, worker = false): void {
    const key = `${section}\u0000${figure}`;
    let row = this.byKey.get(key);
    if (!row) {
      row = { section, figure, unit, values: new Map(), targets: new Map(), worker };
      this.byKey.set(key, row);
      this.list.push(row);
    }
    row.values.set(rate, value);
    for (const [r, target] of Object.entries(targets)) if (target !== undefined) row.targets.set(Number(r), target);
  }
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

export function verdictOf(row: Row, rate: number): string {
  const target = row.targets.get(rate);
  const value = row.values.get(rate);
  if (target === undefined || value === undefined) return '';
  if (!Number.isFinite(value.median)) return 'MISSED';
  return value.median <= target ? 'ok' : 'MISSED';
}

/**
 * A Markdown table: readable in a terminal, pasteable into the README as it is. Per rate: median,
 * min – max over the runs, the target and whether it is met; "runs" is the number of runs at 1x.
 */
export function table(rows: Row[], rates: readonly number[]): string {
  const head = ['what', ...rates.flatMap((r) => [`${r}× median`, `${r}× min – max`, `${r}× target`, '']), 'runs'];
  const body = rows.map((row) => [
    `${row.worker && rates.some((r) => r > 1) ? '† ' : ''}${row.section}: ${row.figure}`,
    ...rates.flatMap((rate) => {
      const v = row.values.get(rate);
      const target = row.targets.get(rate);
      return [
        v ? `${fmt(v.median)} ${row.unit}`.trim() : '',
        v ? `${fmt(v.min)} – ${fmt(v.max)}` : '',
        target === undefined ? '' : `≤ ${fmt(target)} ${row.unit}`.trim(),
        verdictOf(row, rate),
      ];
    }),
    String(Math.max(0, ...[...row.values.values()].map((v) => v.runs.length))),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  const lines = [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)];
  if (rates.some((r) => r > 1) && rows.some((r) => r.worker)) {
    lines.push('', '† time spent in a web worker: Chromium throttles only the page\'s main thread (scripts/bench/lab.ts), so above 1× this part ran at host speed.');
  }
  return lines.join('\n');
}

export function machineLine(m: Machine): string {
  return `machine: ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB, load average ${m.loadAvg.join(' / ')}; Node ${m.node}; Chromium ${m.chromium}; ${m.at}`;
}
