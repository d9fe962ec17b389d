import type { FloorResult } from './floor-trial';
import { formatSummary } from './stats';
import { held, TARGET, type TrialResult } from './trial';

const pct = (part: number, whole: number): string => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '-');
const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

/** CPU milliseconds per order for each process, and in all. */
export function cpuPerOrder(cpuMs: Map<string, number>, orders: number): { label: string; ms: number }[] {
  const rows = [...cpuMs.entries()].map(([label, ms]) => ({ label, ms: ms / Math.max(1, orders) })).sort((a, b) => a.label.localeCompare(b.label));
  return [...rows, { label: 'all processes', ms: sum(cpuMs) / Math.max(1, orders) }];
}

export function trialReport(scenario: string, t: TrialResult): string {
  const verdict = held(t);
  const lines = [
    `scenario ${scenario}: ${t.rate}/s for ${t.duration} s (${t.sent} events), sent at ${t.achievedRate.toFixed(1)}/s`,
    `  answers:            ${[...t.statuses.entries()].sort().map(([k, v]) => `${k}: ${v} (${pct(v, t.sent)})`).join(', ')}`,
    `  gateway answer:     ${formatSummary(t.answer)}`,
    `  webhook->created:   ${formatSummary(t.e2e)}`,
    `  orders:             ${t.placed} placed, ${t.drafted} drafted, ${t.lost} lost, ${t.repeats} order.created repeated`,
    `  machine CPU:        ${(t.machineBusy * 100).toFixed(0)}% busy`,
    `  CPU per order:      ${cpuPerOrder(t.cpuMs, t.orders).map((r) => `${r.label} ${r.ms.toFixed(2)} ms`).join('; ')}`,
    `  largest RSS:        ${[...t.maxRssMb.entries()].filter(([l]) => l.startsWith('app ')).map(([l, mb]) => `${l} ${mb.toFixed(0)} MB`).join('; ')}`,
    `  held (p99 webhook->order <= ${TARGET.e2eP99Ms} ms, answer <= ${TARGET.answerP99Ms} ms, none lost): ${verdict.ok ? 'yes' : `no (${verdict.why.join('; ')})`}`,
  ];
  return lines.join('\n');
}

export function floorReport(f: FloorResult): string {
  return [
    `floor: ${f.rate}/s for ${f.duration} s (${f.sent} events), sent at ${f.achieved}/s; answer p99 ${f.ackP99} ms; webhook->announced p99 ${f.e2eP99} ms; lost ${f.lost}`,
    `  CPU per order:      ${cpuPerOrder(f.cpuMs, f.eventsInRun).map((r) => `${r.label} ${r.ms.toFixed(2)} ms`).join('; ')}`,
  ].join('\n');
}

export const floorHeld = (f: FloorResult): boolean => f.lost === 0 && f.e2eP99 <= TARGET.e2eP99Ms && f.ackP99 <= TARGET.answerP99Ms && f.achieved >= f.rate * 0.98;

/** The side-by-side line of issue 9: the product's figures as ratios of the floor's in the same sitting. */
export function comparison(t: TrialResult, f: FloorResult): string {
  const product = sum(t.cpuMs) / Math.max(1, t.orders);
  const floor = sum(f.cpuMs) / Math.max(1, f.eventsInRun);
  return `CPU per order, all processes, at ${t.rate}/s: product ${product.toFixed(2)} ms, floor ${floor.toFixed(2)} ms: ${(product / floor).toFixed(2)} x the floor`;
}

/**
 * After a search, one comparison per rate both ran, each side's last trial at that rate: CPU per
 * order falls as the rate rises (relay passes and polls are shared by more orders), so the product's
 * best rate against the floor's best, when they differ, would compare rates rather than pipelines.
 */
export function sameRateComparisons(product: TrialResult[], floor: FloorResult[]): string[] {
  const floorAt = new Map(floor.map((f) => [f.rate, f]));
  const productAt = new Map(product.map((t) => [t.rate, t]));
  return [...productAt.values()].flatMap((t) => {
    const f = floorAt.get(t.rate);
    return f ? [comparison(t, f)] : [];
  });
}
