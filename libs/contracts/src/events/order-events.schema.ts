import { z } from 'zod';
import { OrderSchema } from '../http/order.schema';

const envelope = <T extends string>(type: T) =>
  z.object({
    /** Unique per event: subscribers use it to ignore a repeat (delivery is at least once). */
    id: z.string(),
    type: z.literal(type),
    version: z.literal(1),
    occurredAt: z.string(),
    order: OrderSchema,
  });

export const OrderCreatedEventSchema = envelope('order.created');
export type OrderCreatedEvent = z.infer<typeof OrderCreatedEventSchema>;

export const OrderDraftedEventSchema = envelope('order.drafted');
export type OrderDraftedEvent = z.infer<typeof OrderDraftedEventSchema>;

export const OrderEventSchema = z.discriminatedUnion('type', [OrderCreatedEventSchema, OrderDraftedEventSchema]);
export type OrderEvent = z.infer<typeof OrderEventSchema>;

/** The queue a subscriber reads, under the BullMQ prefix (PRODUCT 2.4). */
export const orderEventsQueueName = (subscriber: string): string => `order-events-${subscriber}`;

/**
 * The payload schema of every order event, by type (= BullMQ job name): producers and consumers read
 * the same table, and a new event type does not compile until it has its entry.
 */
export const ORDER_EVENT_SCHEMAS = {
  'order.created': OrderCreatedEventSchema,
  'order.drafted': OrderDraftedEventSchema,
} as const satisfies { [T in OrderEvent['type']]: z.ZodType<Extract<OrderEvent, { type: T }>> };

export const ORDER_EVENT_TYPES = Object.keys(ORDER_EVENT_SCHEMAS) as OrderEvent['type'][];
