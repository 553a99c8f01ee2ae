// CPU and memory of a process from /proc (Linux): the bench reads its servers and redis-server
// from outside, so measuring costs them nothing.
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100;

export interface CpuSample {
  cpuS: number;
  atMs: number;
}

export function cpuSample(pid: number): CpuSample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may hold spaces but ends with the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return { cpuS: (utime + stime) / TICKS_PER_S, atMs: performance.now() };
}

/** Share of one core used between two samples, in percent. */
export function cpuPercent(from: CpuSample, to: CpuSample): number {
  return (100 * (to.cpuS - from.cpuS)) / ((to.atMs - from.atMs) / 1000);
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}
