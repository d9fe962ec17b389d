import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * CPU time and memory of the processes that matter on this machine, read from /proc (Linux only;
 * elsewhere every reading is empty): the apps this bench started (TypeScript or compiled), the
 * floor's processes, PostgreSQL and Redis.
 */
const CLOCK_TICKS_PER_SECOND = 100;
const PAGE_KB = 4;

interface ProcInfo {
  pid: string;
  label: string;
  cpuMs: number;
  rssMb: number;
}

function readStat(pid: string): { comm: string; ppid: string; cpuMs: number; rssMb: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // After the command: utime and stime are fields 14 and 15 of stat, rss (pages) field 24.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { comm, ppid: fields[1], cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SECOND, rssMb: (Number(fields[21]) * PAGE_KB) / 1024 };
  } catch {
    return null;
  }
}

/** Whether a process descends from this one: apps and floors of other runs on the machine are not ours. */
function ours(ppid: string): boolean {
  let parent = ppid;
  for (let depth = 0; depth < 6 && parent !== '0' && parent !== '1'; depth++) {
    if (parent === String(process.pid)) return true;
    parent = readStat(parent)?.ppid ?? '0';
  }
  return false;
}

function labelOf(pid: string, comm: string, ppid: string): string | null {
  if (comm.startsWith('postgres')) return 'postgresql (all backends)';
  if (comm.startsWith('redis-server')) return 'redis';
  if (!ours(ppid)) return null;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const app = /apps\/([a-z-]+)\/src\/main\.ts/.exec(cmdline) ?? /dist\/apps\/([a-z-]+)\/main\.js/.exec(cmdline);
    if (app) return `app ${app[1]}`;
    if (cmdline.includes('bench-floor/floor.js')) {
      const role = /(?:^|\0)FLOOR_ROLE=([a-z]+)/.exec(readFileSync(`/proc/${pid}/environ`, 'utf8'))?.[1];
      return `floor ${role ?? 'load generator'}`;
    }
    return null;
  } catch {
    return null;
  }
}

/** Every process worth measuring, one entry per process (replicas of an app share a label). */
export function sampleProcesses(): ProcInfo[] {
  if (!existsSync('/proc')) return [];
  const out: ProcInfo[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = readStat(pid);
    if (!stat) continue;
    const label = labelOf(pid, stat.comm, stat.ppid);
    if (label) out.push({ pid, label, cpuMs: stat.cpuMs, rssMb: stat.rssMb });
  }
  return out;
}

/**
 * Watches the measured processes once a second: CPU used per label since the watch began (a
 * process that exits meanwhile keeps what it used up to its last sample) and the largest resident
 * memory seen per label (PostgreSQL and Redis are left out of memory: they are not ours to size).
 */
export class ProcessWatch {
  private readonly baseline = new Map<string, number>();
  private readonly latest = new Map<string, { label: string; cpuMs: number }>();
  private readonly maxRss = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor() {
    for (const p of sampleProcesses()) this.baseline.set(p.pid, p.cpuMs);
    this.timer = setInterval(() => this.sample(), 1000);
    this.sample();
  }

  private sample(): void {
    for (const p of sampleProcesses()) {
      this.latest.set(p.pid, { label: p.label, cpuMs: p.cpuMs });
      if (p.label.startsWith('postgresql') || p.label === 'redis') continue;
      this.maxRss.set(p.label, Math.max(this.maxRss.get(p.label) ?? 0, p.rssMb));
    }
  }

  stop(): { cpuMs: Map<string, number>; maxRssMb: Map<string, number> } {
    clearInterval(this.timer);
    this.sample();
    const cpuMs = new Map<string, number>();
    for (const [pid, p] of this.latest) cpuMs.set(p.label, (cpuMs.get(p.label) ?? 0) + p.cpuMs - (this.baseline.get(pid) ?? 0));
    return { cpuMs, maxRssMb: this.maxRss };
  }
}

/** Busy and total CPU time across all cores, for a machine-wide utilisation figure. */
export function machineCpu(): { busyMs: number; totalMs: number; cores: number } {
  const all = cpus();
  let busy = 0;
  let total = 0;
  for (const c of all) {
    const t = c.times;
    busy += t.user + t.nice + t.sys + t.irq;
    total += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { busyMs: busy, totalMs: total, cores: all.length };
}
