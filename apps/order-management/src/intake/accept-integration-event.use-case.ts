import { Inject, Injectable } from '@nestjs/common';
import { IntakeAcceptedJob, OrderCreatedEvent, orderEventsQueueName } from '@portal/contracts';
import { OutboxRelay } from '@portal/messaging';
import { buildOrder, type BuiltOrder } from '@portal/order-domain';
import { APP_CONFIG } from '@portal/service-kit';
import { v7 as uuidv7 } from 'uuid';
import type { OrderManagementConfig } from '../config';
import { Order } from '../entities/order.entity';
import { toOrderView } from '../orders/order-view';
import { ClientDirectory } from './client-directory';
import { IntakeStore, Settled } from './intake-store';

/** Thrown while client settings' copy of a client has not reached us yet: the job retries. */
export class ClientNotProjectedYet extends Error {}

/**
 * Turns an accepted integration event into exactly one order, written atomically with its log entry
 * and an `order.created` for every subscriber. Answers null when the event was handled before.
 */
@Injectable()
export class AcceptIntegrationEvent {
  constructor(
    private readonly clients: ClientDirectory,
    private readonly store: IntakeStore,
    private readonly relay: OutboxRelay,
    @Inject(APP_CONFIG) private readonly config: OrderManagementConfig,
  ) {}

  async execute(job: IntakeAcceptedJob): Promise<Settled | null> {
    const client = await this.clients.get(job.clientId);
    if (!client) throw new ClientNotProjectedYet(`Client ${job.clientId} has not reached order management yet.`);

    const built = buildOrder({ order: job.event.order, client, receivedAt: new Date(job.receivedAt) });
    if (!built.ok) return this.store.reject(job, built.reason.message);

    const order = placedOrder(job, built.order);
    const event: OrderCreatedEvent = { id: uuidv7(), type: 'order.created', version: 1, occurredAt: order.createdAt.toISOString(), order: toOrderView(order) };
    const settled = await this.store.place(
      job,
      order,
      this.config.ORDER_EVENT_SUBSCRIBERS.map((subscriber) => ({ queue: orderEventsQueueName(subscriber), jobName: event.type, payload: event })),
    );
    if (settled?.outcome === 'PLACED') this.relay.nudge();
    return settled;
  }
}

/** Clients without Rates and Services: the order is placed as built, with no service. */
function placedOrder(job: IntakeAcceptedJob, built: BuiltOrder): Order {
  const now = new Date();
  return Object.assign(new Order(), {
    id: uuidv7(),
    clientId: job.clientId,
    courierId: job.courierId,
    status: 'PLACED' as const,
    connectionId: job.connectionId,
    platform: job.platform,
    externalOrderId: built.externalOrderId,
    reference: built.reference,
    pickup: built.pickup,
    dropoff: built.dropoff,
    readyBy: new Date(built.readyBy),
    dueBy: built.dueBy ? new Date(built.dueBy) : null,
    weight: built.weight,
    pieces: built.pieces,
    serviceCode: built.serviceCode,
    notes: built.notes,
    service: null,
    draftReasons: [],
    createdAt: now,
    updatedAt: now,
  });
}
