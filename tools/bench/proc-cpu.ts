import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * CPU time of the processes that matter on this machine, read from /proc (Linux only; elsewhere
 * every reading is empty). Used to tell whether the load generator, an app, PostgreSQL or Redis
 * was the bottleneck.
 */
const CLOCK_TICKS_PER_SECOND = 100;

interface ProcTimes {
  label: string;
  cpuMs: number;
}

function readStat(pid: string): { comm: string; ppid: number; cpuMs: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // fields[0] is state (field 3); utime and stime are fields 14 and 15.
    const ppid = Number(fields[1]);
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { comm, ppid, cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

function labelOf(pid: string, comm: string, ppid: number, selfPid: number): string | null {
  if (comm.startsWith('postgres')) return 'postgresql (all backends)';
  if (comm.startsWith('redis-server')) return 'redis';
  if (ppid !== selfPid) return null;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const app = /apps\/([a-z-]+)\/src\/main\.ts/.exec(cmdline);
    return app ? `app ${app[1]}` : null;
  } catch {
    return null;
  }
}

/** A snapshot of CPU time per label (apps started by this process, postgres, redis). */
export function sampleProcesses(): Map<string, number> {
  const out = new Map<string, number>();
  if (!existsSync('/proc')) return out;
  const selfPid = process.pid;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = readStat(pid);
    if (!stat) continue;
    const label = labelOf(pid, stat.comm, stat.ppid, selfPid);
    if (label) out.set(label, (out.get(label) ?? 0) + stat.cpuMs);
  }
  return out;
}

export function processCpuBetween(before: Map<string, number>, after: Map<string, number>): ProcTimes[] {
  return [...after.entries()]
    .map(([label, cpuMs]) => ({ label, cpuMs: cpuMs - (before.get(label) ?? 0) }))
    .sort((a, b) => a.label.localeCompare(b.label));
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
