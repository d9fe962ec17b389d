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

/**
 * The generic integration event, and the form every platform adapter produces: after the gateway,
 * Shopify, WooCommerce and generic events are indistinguishable.
 */
export const CanonicalOrderEventSchema = z.object({
  id,
  type: z.literal('order.created'),
  occurredAt: DateTimeInputSchema,
  order: CanonicalOrderSchema,
});
export type CanonicalOrderEvent = z.infer<typeof CanonicalOrderEventSchema>;
