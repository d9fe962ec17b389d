import { z } from 'zod';
import { DateTimeInputSchema } from '../common/time.schema';
import { TaskInputSchema, WeightSchema } from '../common/task.schema';

const id = z.string().trim().min(1).max(200);

/** The order part of a canonical event: everything our order model knows (PRODUCT 2.2.1). */
export const CanonicalOrderSchema = z.object({
  externalId: id,
  reference: z.string().max(500).optional(),
  pickup: TaskInputSchema.optional(),
  dropoff: TaskInputSchema,
  weight: WeightSchema.optional(),
  pieces: z.number().int().positive().max(100000).optional(),
  serviceCode: z.string().trim().min(1).max(64).optional(),
  notes: z.string().max(2000).optional(),
});
export type CanonicalOrder = z.infer<typeof CanonicalOrderSchema>;

const envelope = { id, occurredAt: DateTimeInputSchema };

/**
 * The generic integration events, and the form every platform adapter produces: after the gateway,
 * Shopify, WooCommerce and generic events are indistinguishable. `occurredAt` is the source's time of
 * the state the event describes: order management applies only what is newer than what an order
 * reflects (PRODUCT 1.5).
 */
export const CanonicalOrderCreatedEventSchema = z.object({ ...envelope, type: z.literal('order.created'), order: CanonicalOrderSchema });

/** The whole order as it now is; one that arrives before its create builds the order. */
export const CanonicalOrderUpdatedEventSchema = z.object({ ...envelope, type: z.literal('order.updated'), order: CanonicalOrderSchema });

export const CanonicalOrderCancelledEventSchema = z.object({
  ...envelope,
  type: z.literal('order.cancelled'),
  order: z.object({ externalId: id }),
  reason: z.string().trim().max(500).optional(),
});

export const CanonicalOrderEventSchema = z.discriminatedUnion('type', [CanonicalOrderCreatedEventSchema, CanonicalOrderUpdatedEventSchema, CanonicalOrderCancelledEventSchema]);
export type CanonicalOrderEvent = z.infer<typeof CanonicalOrderEventSchema>;
export type CanonicalOrderCreatedEvent = z.infer<typeof CanonicalOrderCreatedEventSchema>;
export type CanonicalOrderUpdatedEvent = z.infer<typeof CanonicalOrderUpdatedEventSchema>;
export type CanonicalOrderCancelledEvent = z.infer<typeof CanonicalOrderCancelledEventSchema>;
/** An event that carries the whole order. */
export type CanonicalOrderStateEvent = CanonicalOrderCreatedEvent | CanonicalOrderUpdatedEvent;
export type CanonicalEventType = CanonicalOrderEvent['type'];
