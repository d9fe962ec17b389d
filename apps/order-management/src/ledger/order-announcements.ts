import { Inject, Injectable } from '@nestjs/common';
import { OrderEvent, orderEventsQueueName, type RoutedJob } from '@portal/contracts';
import { APP_CONFIG } from '@portal/service-kit';
import { v7 as uuidv7 } from 'uuid';
import type { OrderManagementConfig } from '../config';
import type { Order } from '../entities/order.entity';
import { toOrderView } from '../orders/order-view';

/**
 * The jobs announcing an order: one copy of the event per subscriber queue, all with the same event
 * id, written by the ledger in the statement that changes the order.
 */
@Injectable()
export class OrderAnnouncements {
  constructor(@Inject(APP_CONFIG) private readonly config: OrderManagementConfig) {}

  for(order: Order): RoutedJob[] {
    const type: OrderEvent['type'] = order.status === 'DRAFT' ? 'order.drafted' : 'order.created';
    const event: OrderEvent = { id: uuidv7(), type, version: 1, occurredAt: order.updatedAt.toISOString(), order: toOrderView(order) };
    return this.config.ORDER_EVENT_SUBSCRIBERS.map((subscriber) => ({ queue: orderEventsQueueName(subscriber), data: event }));
  }
}
