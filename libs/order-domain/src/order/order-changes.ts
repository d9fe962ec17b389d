import type { Task, Weight } from '@portal/contracts';
import type { OrderReason } from './order-reason';

/** What a store's change may alter on an order (PRODUCT 1.5); anything else (tags, payment) is no change. */
export const CHANGEABLE_FIELDS = ['pickup', 'dropoff', 'readyBy', 'dueBy', 'weight', 'pieces', 'notes', 'serviceCode'] as const;
export type ChangeableField = (typeof CHANGEABLE_FIELDS)[number];

export interface ChangeableOrder {
  pickup: Task | null;
  dropoff: Task;
  /** ISO 8601 UTC. */
  readyBy: string;
  dueBy: string | null;
  weight: Weight | null;
  pieces: number | null;
  notes: string | null;
  serviceCode: string | null;
}

/** Equal as JSON with keys in any order (tasks come from different readers). */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The fields whose values differ between what an order is and what a change makes it. */
export function changedFields(current: ChangeableOrder, next: ChangeableOrder): ChangeableField[] {
  return CHANGEABLE_FIELDS.filter((field) => {
    if (field === 'readyBy' || field === 'dueBy') return !sameInstant(current[field], next[field]);
    return !same(current[field], next[field]);
  });
}

const sameInstant = (a: string | null, b: string | null): boolean => (a === null || b === null ? a === b : Date.parse(a) === Date.parse(b));

export const STALE = (appliedAt: Date, changeAt: Date): OrderReason => ({
  code: 'STALE',
  message: `This change happened at the source at ${changeAt.toISOString()}, before the change the order already reflects (${appliedAt.toISOString()}): it is out of date and changes nothing.`,
});

export const NO_CHANGE: OrderReason = {
  code: 'NO_CHANGE',
  message: 'Nothing a courier needs changed (tasks, times, weight, pieces, notes and service are as they were): nothing to apply.',
};

export const ORDER_CANCELLED: OrderReason = {
  code: 'ORDER_CANCELLED',
  message: 'The order was cancelled at the source: this event changes nothing.',
};

/** Whether a change the source made at `changeAt` is older than the one an order reflects. */
export const isStale = (appliedAt: Date | null, changeAt: Date): boolean => appliedAt !== null && changeAt.getTime() < appliedAt.getTime();
