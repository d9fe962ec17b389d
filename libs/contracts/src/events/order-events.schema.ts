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
