// CPU time of the processes under load, read from /proc (Linux): where the machine's two cores go.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface Stat {
  pid: number;
  ppid: number;
  /** utime + stime of the process itself, seconds. */
  own: number;
  /** cutime + cstime: reaped children, seconds. */
  children: number;
}

function stat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: split after it.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const n = (i: number) => Number(fields[i - 3]);
    return { pid, ppid: n(4), own: (n(14) + n(15)) / TICKS_PER_SECOND, children: (n(16) + n(17)) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/** CPU seconds used so far by `pid` and all its descendants, living or reaped. */
export function treeCpuSeconds(pid: number): number {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => stat(Number(name)))
    .filter((s): s is Stat => s !== null);
  const byParent = new Map<number, Stat[]>();
  for (const s of all) byParent.set(s.ppid, [...(byParent.get(s.ppid) ?? []), s]);
  const root = all.find((s) => s.pid === pid);
  if (!root) return 0;
  let total = 0;
  const visit = (s: Stat) => {
    total += s.own + s.children;
    for (const child of byParent.get(s.pid) ?? []) visit(child);
  };
  visit(root);
  return total;
}

/** The postmaster's pid from its data folder (first line of postmaster.pid). */
export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
}
