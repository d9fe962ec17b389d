import { performance } from 'node:perf_hooks';
import type { OrderEventLog } from './order-event-log';
import { machineCpu, ProcessWatch } from './proc-cpu';
import type { Sender } from './sender';
import { summarize, type Summary } from './stats';

/** What one measured run at a steady rate shows. */
export interface TrialResult {
  rate: number;
  duration: number;
  sent: number;
  achievedRate: number;
  statuses: Map<string, number>;
  answer: Summary;
  e2e: Summary;
  /** Accepted events with no order.created or order.drafted within the drain. */
  lost: number;
  placed: number;
  drafted: number;
  repeats: number;
  /** Events that made an order (placed or drafted): what CPU per order divides by. */
  orders: number;
  /** CPU milliseconds per process label over the run (first send to last arrival), the bench itself included. */
  cpuMs: Map<string, number>;
  maxRssMb: Map<string, number>;
  machineBusy: number;
  wallMs: number;
}

/** The latency targets of issue 9: webhook -> order.created p99 and the gateway's answer p99. */
export const TARGET = { e2eP99Ms: 250, answerP99Ms: 25 };

/** Whether a trial held its rate: every event accepted and announced, both p99s within target. */
export function held(t: TrialResult): { ok: boolean; why: string[] } {
  const why: string[] = [];
  if (t.achievedRate < t.rate * 0.98) why.push(`sent ${t.achievedRate.toFixed(1)}/s < 98% of ${t.rate}/s`);
  const accepted = t.statuses.get('202') ?? 0;
  if (accepted !== t.sent) why.push(`${t.sent - accepted} answers were not 202`);
  if (t.lost > 0) why.push(`${t.lost} accepted events never announced`);
  if (!(t.e2e.p99 <= TARGET.e2eP99Ms)) why.push(`webhook->order p99 ${t.e2e.p99.toFixed(0)} ms > ${TARGET.e2eP99Ms} ms`);
  if (!(t.answer.p99 <= TARGET.answerP99Ms)) why.push(`answer p99 ${t.answer.p99.toFixed(1)} ms > ${TARGET.answerP99Ms} ms`);
  return { ok: why.length === 0, why };
}

/** Sends `rate` events per second for `duration` seconds and waits (up to `drainSeconds`) for every announcement. */
export async function runTrial(
  sender: Sender,
  log: OrderEventLog,
  options: { rate: number; duration: number; drainSeconds: number },
  makeBody: (index: number) => { externalId: string; body: string },
): Promise<TrialResult> {
  const { rate, duration } = options;
  const total = Math.round(rate * duration);
  const watch = new ProcessWatch();
  const selfBefore = process.cpuUsage();
  const machineBefore = machineCpu();
  const run = await sender.run(total, rate, makeBody);
  const accepted = run.sent.filter((s) => s.status === 202);
  await log.waitFor(accepted.map((s) => s.externalId), options.drainSeconds * 1000);
  const endedAt = performance.now();
  const { cpuMs, maxRssMb } = watch.stop();
  const self = process.cpuUsage(selfBefore);
  cpuMs.set('bench (load generator, subscriber)', (self.user + self.system) / 1000);
  const machineAfter = machineCpu();

  const statuses = new Map<string, number>();
  for (const s of run.sent) {
    const key = s.status === 0 ? `no answer (${s.error ?? 'unknown'})` : String(s.status);
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
  }
  const e2e: number[] = [];
  let placed = 0;
  let drafted = 0;
  let lost = 0;
  let lastArrival = run.startedAt;
  for (const s of accepted) {
    const created = log.created.get(s.externalId);
    const draftedAt = log.drafted.get(s.externalId);
    if (created) {
      if (created.status === 'PLACED') placed += 1;
      e2e.push(created.at - s.sentAt);
      lastArrival = Math.max(lastArrival, created.at);
    } else if (draftedAt !== undefined) {
      drafted += 1;
      lastArrival = Math.max(lastArrival, draftedAt);
    } else {
      lost += 1;
    }
  }
  return {
    rate,
    duration,
    sent: run.sent.length,
    achievedRate: (run.sent.length * 1000) / Math.max(1, run.lastSentAt - run.startedAt),
    statuses,
    answer: summarize(run.sent.filter((s) => s.status !== 0).map((s) => s.answeredAt - s.sentAt)),
    e2e: summarize(e2e),
    lost,
    placed,
    drafted,
    repeats: log.repeats,
    orders: e2e.length + drafted,
    cpuMs,
    maxRssMb,
    machineBusy: (machineAfter.busyMs - machineBefore.busyMs) / Math.max(1, machineAfter.totalMs - machineBefore.totalMs),
    wallMs: Math.max(lastArrival, endedAt) - run.startedAt,
  };
}
