import type { Task } from '@portal/contracts';
import { OrderReason, windowEndsBeforeStart } from './order-reason';

export type OrderTimesResult = { ok: true; readyBy: string; dueBy: string | null } | { ok: false; reason: OrderReason };

/**
 * Ready By and Due By come from the dropoff task (PRODUCT 1.2): its earliest completion time, or
 * when the event was received when it has none; its latest completion time, which may be absent.
 * A window that ends before it starts is the sender's error, never an order.
 */
export function orderTimes(dropoff: Task, receivedAt: Date): OrderTimesResult {
  const readyBy = dropoff.completeAfter ?? receivedAt.toISOString();
  const dueBy = dropoff.completeBefore;
  if (dueBy !== null && Date.parse(dueBy) < Date.parse(readyBy)) {
    return { ok: false, reason: windowEndsBeforeStart(new Date(readyBy), new Date(dueBy)) };
  }
  return { ok: true, readyBy, dueBy };
}
