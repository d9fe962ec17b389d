import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { BullMqContext } from '@portal/bullmq-transport';
import type { OrderCancelledEvent, OrderCreatedEvent, OrderDraftedEvent, OrderUpdatedEvent } from '@portal/contracts';
import { PickupRequests } from './pickup-requests.repository';

/**
 * One handler per event type on this service's queue. The payload is already checked against its
 * schema; a thrown error fails the job, which BullMQ retries with backoff.
 */
@Controller()
export class OrderEventsController {
  private readonly logger = new Logger(OrderEventsController.name);

  constructor(private readonly pickups: PickupRequests) {}

  @EventPattern('order.created')
  async onOrderCreated(@Payload() event: OrderCreatedEvent, @Ctx() context: BullMqContext): Promise<void> {
    const first = await this.pickups.recordOnce(event);
    this.logger.log(
      { eventId: event.id, orderId: event.order.id, attempt: context.getJob().attemptsMade + 1 },
      first ? 'Pickup requested' : 'Repeat of an event already handled',
    );
  }

  // Every event type on the queue needs a handler, or its jobs fail as unhandled: drafts are not
  // dispatched, so this one only acknowledges them.
  @EventPattern('order.drafted')
  onOrderDrafted(@Payload() event: OrderDraftedEvent): void {
    this.logger.debug({ eventId: event.id, orderId: event.order.id }, 'Draft: nothing to dispatch yet');
  }

  // A changed order may need its pickup re-routed, and a cancelled one its driver called off. The
  // example only logs them; a real dispatch acts here, idempotently by event id as above.
  @EventPattern('order.updated')
  onOrderUpdated(@Payload() event: OrderUpdatedEvent): void {
    this.logger.log({ eventId: event.id, orderId: event.order.id, changes: event.changes }, 'Order changed at the store');
  }

  @EventPattern('order.cancelled')
  onOrderCancelled(@Payload() event: OrderCancelledEvent): void {
    this.logger.log({ eventId: event.id, orderId: event.order.id, by: event.order.cancellation?.by }, 'Order cancelled: call off its driver');
  }
}
