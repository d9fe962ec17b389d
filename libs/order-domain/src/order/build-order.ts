import type { CanonicalOrder, PickupAddress, Task, TaskInput } from '@portal/contracts';
import { resolveDateTime } from '../time/resolve-date-time';
import type { BuiltOrder } from './built-order';
import { invalidTime, NO_PICKUP_ADDRESS, OrderReason } from './order-reason';
import { orderTimes } from './order-times';

export interface OrderClient {
  timezone: string;
  defaultPickup: PickupAddress | null;
}

export interface BuildOrderInput {
  order: CanonicalOrder;
  client: OrderClient;
  /** When the gateway received the event: Ready By when the dropoff gives no earliest time. */
  receivedAt: Date;
}

export type BuildOrderResult = { ok: true; order: BuiltOrder } | { ok: false; reason: OrderReason };
export type BuildDraftableResult = { ok: true; order: DraftableOrder } | { ok: false; reason: OrderReason };

/** An order that may still lack its pickup: a Draft for a client using Rates and Services. */
export type DraftableOrder = Omit<BuiltOrder, 'pickup'> & { pickup: Task | null };

type TaskResult = { ok: true; task: Task } | { ok: false; reason: OrderReason };

export function resolveTask(input: TaskInput, timezone: string, name: string): TaskResult {
  const times: Record<'completeAfter' | 'completeBefore', string | null> = { completeAfter: null, completeBefore: null };
  for (const field of ['completeAfter', 'completeBefore'] as const) {
    const raw = input[field];
    if (raw === undefined) continue;
    const resolved = resolveDateTime(raw, timezone);
    if (!resolved) return { ok: false, reason: invalidTime(`${name}.${field}`, raw) };
    times[field] = resolved.toISOString();
  }
  return {
    ok: true,
    task: { address: input.address, contact: input.contact, ...times, notes: input.notes ?? null },
  };
}

function pickupFrom(defaultPickup: PickupAddress): Task {
  return { address: defaultPickup.address, contact: defaultPickup.contact, completeAfter: null, completeBefore: null, notes: null };
}

/**
 * Builds the order an integration event describes (PRODUCT 1.2): tasks with times in UTC, the
 * pickup from the client's default when the event has none, and Ready By / Due By from the dropoff.
 * Without any pickup the order cannot be built (clients without Rates and Services).
 */
export function buildOrder(input: BuildOrderInput): BuildOrderResult {
  const built = buildDraftableOrder(input);
  if (!built.ok) return built;
  const { pickup } = built.order;
  return pickup ? { ok: true, order: { ...built.order, pickup } } : { ok: false, reason: NO_PICKUP_ADDRESS };
}

/**
 * As buildOrder, but an order with no pickup (none sent, no default) is still built, with a null
 * pickup: for Rates and Services clients it becomes a Draft a person completes (PRODUCT 1.2).
 */
export function buildDraftableOrder({ order, client, receivedAt }: BuildOrderInput): BuildDraftableResult {
  const dropoff = resolveTask(order.dropoff, client.timezone, 'dropoff');
  if (!dropoff.ok) return dropoff;

  let pickup: Task | null = null;
  if (order.pickup) {
    const resolved = resolveTask(order.pickup, client.timezone, 'pickup');
    if (!resolved.ok) return resolved;
    pickup = resolved.task;
  } else if (client.defaultPickup) {
    pickup = pickupFrom(client.defaultPickup);
  }

  const times = orderTimes(dropoff.task, receivedAt);
  if (!times.ok) return times;

  return {
    ok: true,
    order: {
      externalOrderId: order.externalId,
      reference: order.reference ?? null,
      pickup,
      dropoff: dropoff.task,
      readyBy: times.readyBy,
      dueBy: times.dueBy,
      weight: order.weight ?? null,
      pieces: order.pieces ?? null,
      serviceCode: order.serviceCode ?? null,
      notes: order.notes ?? null,
    },
  };
}
