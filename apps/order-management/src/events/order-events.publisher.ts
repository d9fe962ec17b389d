import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { OrderEvent, orderEventsQueueName } from '@portal/contracts';
import { writeOutbox } from '@portal/messaging';
import { APP_CONFIG } from '@portal/service-kit';
import { v7 as uuidv7 } from 'uuid';
import type { OrderManagementConfig } from '../config';
import type { Order } from '../entities/order.entity';
import { toOrderView } from '../orders/order-view';

/**
 * Writes an order event to the outbox once per subscriber, in the caller's transaction: every
 * subscriber gets its own copy on its own queue, all with the same event id.
 */
@Injectable()
export class OrderEventsPublisher {
  constructor(@Inject(APP_CONFIG) private readonly config: OrderManagementConfig) {}

  async publish(tx: EntityManager, type: OrderEvent['type'], order: Order): Promise<void> {
    const event: OrderEvent = { id: uuidv7(), type, version: 1, occurredAt: new Date().toISOString(), order: toOrderView(order) };
    await writeOutbox(
      tx,
      this.config.ORDER_EVENT_SUBSCRIBERS.map((subscriber) => ({ queue: orderEventsQueueName(subscriber), jobName: type, payload: event })),
    );
  }
}
