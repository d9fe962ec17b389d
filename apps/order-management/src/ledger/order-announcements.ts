import { Inject, Injectable } from '@nestjs/common';
import { OrderChange, OrderEvent, orderEventsQueueName, type RoutedJob } from '@portal/contracts';
import { APP_CONFIG } from '@portal/service-kit';
import { v7 as uuidv7 } from 'uuid';
import type { OrderManagementConfig } from '../config';
import type { Order } from '../entities/order.entity';
import { toOrderView } from '../orders/order-view';

/**
 * The jobs announcing what happened to an order (PRODUCT 2.4): one copy of the event per subscriber
 * queue, all with the same event id, written by the ledger with the change they announce.
 */
@Injectable()
export class OrderAnnouncements {
  constructor(@Inject(APP_CONFIG) private readonly config: OrderManagementConfig) {}

  /** A new order: `order.created` once placed, `order.drafted` for a Draft. */
  forNew(order: Order): RoutedJob[] {
    return this.announce(order, order.status === 'DRAFT' ? { type: 'order.drafted' } : { type: 'order.created' });
  }

  updated(order: Order, changes: OrderChange[]): RoutedJob[] {
    return this.announce(order, { type: 'order.updated', changes });
  }

  cancelled(order: Order): RoutedJob[] {
    return this.announce(order, { type: 'order.cancelled' });
  }

  private announce(order: Order, what: { type: 'order.created' | 'order.drafted' | 'order.cancelled' } | { type: 'order.updated'; changes: OrderChange[] }): RoutedJob[] {
    const event = { id: uuidv7(), version: 1, occurredAt: order.updatedAt.toISOString(), order: toOrderView(order), ...what } as OrderEvent;
    return this.config.ORDER_EVENT_SUBSCRIBERS.map((subscriber) => ({ queue: orderEventsQueueName(subscriber), data: event }));
  }
}
