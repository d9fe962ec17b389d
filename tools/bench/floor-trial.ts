import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { forgetQueuePrefix } from '@portal/system-harness';
import { ProcessWatch } from './proc-cpu';

const ROOT = join(__dirname, '..', '..');
export const FLOOR = join(ROOT, '..', 'shared', 'bench-floor', 'floor.js');

/** What the floor printed, with the CPU its processes used measured from here. */
export interface FloorResult {
  rate: number;
  duration: number;
  sent: number;
  achieved: number;
  ackP99: number;
  e2eP99: number;
  lost: number;
  statuses: Record<string, number>;
  /** CPU milliseconds per process over the floor's whole run (warm-up included), and events sent in all. */
  cpuMs: Map<string, number>;
  eventsInRun: number;
  maxRssMb: Map<string, number>;
}

const FLOOR_PORT = 3900;

export const floorAvailable = (): boolean => existsSync(FLOOR);

/**
 * Runs the framework-free floor (../shared/bench-floor) at a rate, in this sitting: its figures are
 * what this machine's share of the same durable pipeline costs right now (ARCHITECTURE, DEVELOPERS).
 */
export async function runFloor(rate: number, duration: number, warmup = 3): Promise<FloorResult> {
  const out: string[] = [];
  // A prefix of our own, so the floor's queues leave Redis after it as the product's do.
  const prefix = `floor-bench-${Date.now().toString(36)}`;
  const child = spawn(process.execPath, [FLOOR, '--rate', String(rate), '--duration', String(duration), '--warmup', String(warmup), '--port', String(FLOOR_PORT)], {
    cwd: ROOT,
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), FLOOR_PREFIX: prefix },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  // The product's trials count no start-up, so neither does the floor: its CPU is counted from the
  // moment its ingest listens (modules loaded), warm-up included as its events are.
  await Promise.race([untilListening(FLOOR_PORT), exited]);
  const watch = new ProcessWatch();
  const code = await exited;
  const { cpuMs, maxRssMb } = watch.stop();
  await forgetQueuePrefix(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix).catch(() => undefined);
  const line = out.join('').trim().split('\n').pop() ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`the floor exited with ${code}: ${out.join('')}`);
  const parsed = JSON.parse(line) as Omit<FloorResult, 'cpuMs' | 'eventsInRun' | 'maxRssMb'>;
  return { ...parsed, cpuMs, eventsInRun: Math.round(rate * (warmup + duration)), maxRssMb };
}

async function untilListening(port: number): Promise<void> {
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
