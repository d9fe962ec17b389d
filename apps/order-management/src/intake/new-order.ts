import type { QuotableOrder } from '@portal/contracts';
import type { DraftableOrder } from '@portal/order-domain';
import { v7 as uuidv7 } from 'uuid';
import { Order } from '../entities/order.entity';
import type { Placement, StateJob } from './intake-state';

/**
 * The order an integration event makes, from the event's own facts and its built tasks and times;
 * `sourceUpdatedAt` is the source's time of the state it reflects.
 */
export function newOrder(job: StateJob, built: QuotableOrder | DraftableOrder, placement: Placement, sourceUpdatedAt: Date, id = uuidv7()): Order {
  const now = new Date();
  const order = job.event.order;
  return Object.assign(new Order(), {
    id,
    clientId: job.clientId,
    courierId: job.courierId,
    status: placement.status,
    connectionId: job.connectionId,
    platform: job.platform,
    externalOrderId: order.externalId,
    reference: order.reference ?? null,
    pickup: built.pickup,
    dropoff: built.dropoff,
    receivedAt: new Date(job.receivedAt),
    readyBy: new Date(built.readyBy),
    dueBy: built.dueBy ? new Date(built.dueBy) : null,
    weight: built.weight,
    pieces: built.pieces,
    serviceCode: built.serviceCode,
    notes: order.notes ?? null,
    service: placement.status === 'PLACED' ? placement.service : null,
    draftReasons: placement.status === 'DRAFT' ? placement.draftReasons : [],
    sourceUpdatedAt,
    cancellation: null,
    createdAt: now,
    updatedAt: now,
  });
}

/** An existing order with a change applied: its identity and history kept, the changed state taken. */
export function changedOrder(current: Order, next: Order): Order {
  return Object.assign(new Order(), current, {
    pickup: next.pickup,
    dropoff: next.dropoff,
    readyBy: next.readyBy,
    dueBy: next.dueBy,
    weight: next.weight,
    pieces: next.pieces,
    serviceCode: next.serviceCode,
    notes: next.notes,
    reference: next.reference,
    service: next.status === 'PLACED' ? next.service : current.service,
    draftReasons: next.draftReasons,
    sourceUpdatedAt: next.sourceUpdatedAt,
    updatedAt: new Date(),
  });
}
