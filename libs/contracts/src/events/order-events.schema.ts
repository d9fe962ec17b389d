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

/** The order as it now is, and the names of the fields its change altered (PRODUCT 1.5). */
export const OrderUpdatedEventSchema = envelope('order.updated').extend({
  changes: z.array(z.enum(['pickup', 'dropoff', 'readyBy', 'dueBy', 'weight', 'pieces', 'notes', 'serviceCode', 'service', 'draftReasons'])).min(1),
});
export type OrderUpdatedEvent = z.infer<typeof OrderUpdatedEventSchema>;
export type OrderChange = OrderUpdatedEvent['changes'][number];

/** The order, now CANCELLED, with its `cancellation`: never send a driver to it. */
export const OrderCancelledEventSchema = envelope('order.cancelled');
export type OrderCancelledEvent = z.infer<typeof OrderCancelledEventSchema>;

export const OrderEventSchema = z.discriminatedUnion('type', [OrderCreatedEventSchema, OrderDraftedEventSchema, OrderUpdatedEventSchema, OrderCancelledEventSchema]);
export type OrderEvent = z.infer<typeof OrderEventSchema>;

/**
 * The payload schema of every order event, by type (= BullMQ job name): producers and consumers read
 * the same table, and a new event type does not compile until it has its entry.
 */
export const ORDER_EVENT_SCHEMAS = {
  'order.created': OrderCreatedEventSchema,
  'order.drafted': OrderDraftedEventSchema,
  'order.updated': OrderUpdatedEventSchema,
  'order.cancelled': OrderCancelledEventSchema,
} as const satisfies { [T in OrderEvent['type']]: z.ZodType<Extract<OrderEvent, { type: T }>> };

export const ORDER_EVENT_TYPES = Object.keys(ORDER_EVENT_SCHEMAS) as OrderEvent['type'][];
