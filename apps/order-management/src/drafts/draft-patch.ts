import type { OrderChange, UpdateDraft } from '@portal/contracts';
import { changedFields, orderTimes, resolveTask, type OrderReason } from '@portal/order-domain';
import { AppError } from '@portal/service-kit';
import { Order } from '../entities/order.entity';
import { toChangeable } from '../quote-client/quotable';

const invalid = (path: string, reason: OrderReason): AppError => new AppError(400, 'VALIDATION_FAILED', reason.message, [{ path, message: reason.message }]);

/**
 * The draft with a PATCH applied, as the domain reads it: tasks resolved in the client's timezone,
 * Ready By and Due By derived again from the dropoff (receipt time when it gives no earliest time).
 */
export function applyDraftPatch(draft: Order, patch: UpdateDraft, timezone: string): Order {
  const edited = Object.assign(new Order(), draft, { updatedAt: new Date() });
  if (patch.weight !== undefined) edited.weight = patch.weight;
  if (patch.pieces !== undefined) edited.pieces = patch.pieces;
  if (patch.serviceCode !== undefined) edited.serviceCode = patch.serviceCode;
  for (const name of ['pickup', 'dropoff'] as const) {
    const input = patch[name];
    if (input === undefined) continue;
    const resolved = resolveTask(input, timezone, name);
    if (!resolved.ok) throw invalid(name, resolved.reason);
    edited[name] = resolved.task;
  }
  const times = orderTimes(edited.dropoff, draft.receivedAt);
  if (!times.ok) throw invalid('dropoff.completeBefore', times.reason);
  edited.readyBy = new Date(times.readyBy);
  edited.dueBy = times.dueBy === null ? null : new Date(times.dueBy);
  return edited;
}

/** What an edit changed, as `order.updated` names it. */
export function draftChanges(draft: Order, edited: Order): OrderChange[] {
  const changes: OrderChange[] = changedFields(toChangeable(draft), toChangeable(edited));
  if (JSON.stringify(draft.draftReasons) !== JSON.stringify(edited.draftReasons)) changes.push('draftReasons');
  return changes;
}
