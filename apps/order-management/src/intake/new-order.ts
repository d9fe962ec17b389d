import type { IntakeAcceptedJob, QuotableOrder } from '@portal/contracts';
import type { DraftableOrder } from '@portal/order-domain';
import { v7 as uuidv7 } from 'uuid';
import { Order } from '../entities/order.entity';
import type { Placement } from './intake-state';

/** The order an integration event becomes, from the event's own facts and its built tasks and times. */
export function newOrder(job: IntakeAcceptedJob, built: QuotableOrder | DraftableOrder, placement: Placement, id = uuidv7()): Order {
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
    createdAt: now,
    updatedAt: now,
  });
}
