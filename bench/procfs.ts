import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';

let clockTicks: number | undefined;

/** Kernel clock ticks per second, the unit of utime/stime in /proc/<pid>/stat. */
export function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

interface Stat {
  ppid: number;
  /** utime + stime, in clock ticks: every thread of the process, children not included. */
  ticks: number;
  /** Start time since boot in ticks: with the pid, identifies a process even if the pid is reused. */
  startTime: number;
  comm: string;
}

function readStat(path: string): Stat | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  // comm is in parentheses and may itself contain spaces or ')'.
  const close = text.lastIndexOf(')');
  const comm = text.slice(text.indexOf('(') + 1, close);
  const fields = text.slice(close + 2).split(' ');
  // fields[0] is field 3 (state) of proc(5): ppid is field 4, utime 14, stime 15, starttime 22.
  return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), startTime: Number(fields[19]), comm };
}

export function processTicks(pid: number): number | undefined {
  return readStat(`/proc/${pid}/stat`)?.ticks;
}

/** CPU of one thread; a process's main (JavaScript) thread has tid === pid. */
export function threadTicks(pid: number, tid: number): number | undefined {
  return readStat(`/proc/${pid}/task/${tid}/stat`)?.ticks;
}

/** CPU ticks of every live thread of a process by tid, with the thread's name. */
export function threads(pid: number): Map<number, { comm: string; ticks: number }> {
  const found = new Map<number, { comm: string; ticks: number }>();
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return found;
  }
  for (const tid of tids) {
    const stat = readStat(`/proc/${pid}/task/${tid}/stat`);
    if (stat) found.set(Number(tid), { comm: stat.comm, ticks: stat.ticks });
  }
  return found;
}

/** Ticks per thread name between two threads() snapshots (threads born in between count from 0). */
export function threadTicksByName(
  before: Map<number, { comm: string; ticks: number }>,
  after: Map<number, { comm: string; ticks: number }>,
): Record<string, number> {
  const byName: Record<string, number> = {};
  for (const [tid, thread] of after) {
    const used = thread.ticks - (before.get(tid)?.ticks ?? 0);
    if (used > 0) byName[thread.comm] = (byName[thread.comm] ?? 0) + used;
  }
  return byName;
}

/** Machine-wide CPU from /proc/stat: busy and steal ticks, and the total. */
export function machineTicks(): { busy: number; steal: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user.
  const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number);
  return { busy: user + nice + system + irq + softirq, steal, total: user + nice + system + idle + iowait + irq + softirq + steal };
}

export interface ChildProcessInfo {
  pid: number;
  startTime: number;
  comm: string;
  ticks: number;
}

/** Live processes whose parent is `pid`. */
export function childrenOf(pid: number): ChildProcessInfo[] {
  const found: ChildProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(`/proc/${name}/stat`);
    if (stat?.ppid === pid) found.push({ pid: Number(name), startTime: stat.startTime, comm: stat.comm, ticks: stat.ticks });
  }
  return found;
}

/** utime+stime of the children this process has waited for (cutime + cstime). */
export function reapedChildrenTicks(): number {
  const text = readFileSync('/proc/self/stat', 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return Number(fields[13]) + Number(fields[14]);
}

/** True while the process that had this pid and start time still exists. */
export function sameProcessAlive(child: { pid: number; startTime: number }): boolean {
  return readStat(`/proc/${child.pid}/stat`)?.startTime === child.startTime;
}

/**
 * CPU of the children of one process over a window. A child's CPU can only be read while it is
 * alive, so this polls and keeps the last value seen of each: a child that exits inside the window
 * loses at most one poll interval of CPU.
 */
export class ChildCpuTracker {
  private readonly atStart = new Map<string, number>();
  private readonly lastSeen = new Map<string, ChildProcessInfo>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly parentPid: number,
    private readonly pollMs = 250,
  ) {}

  start(): void {
    this.atStart.clear();
    this.lastSeen.clear();
    for (const child of childrenOf(this.parentPid)) this.atStart.set(key(child), child.ticks);
    this.poll();
    this.timer = setInterval(() => this.poll(), this.pollMs);
  }

  /** Ticks used by children during the window, and the command names seen. */
  stop(): { ticks: number; comms: Record<string, number> } {
    this.poll();
    clearInterval(this.timer);
    let ticks = 0;
    const comms: Record<string, number> = {};
    for (const [id, child] of this.lastSeen) {
      ticks += child.ticks - (this.atStart.get(id) ?? 0);
      comms[child.comm] = (comms[child.comm] ?? 0) + 1;
    }
    return { ticks, comms };
  }

  private poll(): void {
    for (const child of childrenOf(this.parentPid)) this.lastSeen.set(key(child), child);
  }
}

function key(child: { pid: number; startTime: number }): string {
  return `${child.pid}:${child.startTime}`;
}

export interface Machine {
  nproc: number;
  cpuModel: string;
  totalMemoryGiB: number;
  node: string;
  kernel: string;
  loadAverageAtStart: number[];
}

export function machine(loadAverage: number[]): Machine {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpuModel;
  } catch {
    // Not Linux: keep what os.cpus() said.
  }
  let nproc = cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
  } catch {
    // Keep os.cpus().
  }
  return {
    nproc,
    cpuModel,
    totalMemoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    kernel: release(),
    loadAverageAtStart: loadAverage.map((value) => Math.round(value * 100) / 100),
  };
}

export function machineLine(m: Machine): string {
  return `${m.nproc} × ${m.cpuModel}, ${m.totalMemoryGiB} GiB RAM, Node ${m.node}, Linux ${m.kernel}`;
}
