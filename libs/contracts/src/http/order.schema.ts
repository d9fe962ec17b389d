import { z } from 'zod';
import { AddressSchema, ContactSchema, TaskInputSchema, WeightSchema } from '../common/task.schema';
import { PlatformSchema } from '../common/platform.schema';
import { PageQuerySchema } from '../common/page.schema';
import { UtcTimestampSchema } from '../common/time.schema';

export const OrderStatusSchema = z.enum(['DRAFT', 'PLACED', 'CANCELLED']);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

/** A task as stored: times resolved to UTC, absent values explicit. */
export const TaskSchema = z.object({
  address: AddressSchema,
  contact: ContactSchema,
  completeAfter: UtcTimestampSchema.nullable(),
  completeBefore: UtcTimestampSchema.nullable(),
  notes: z.string().nullable(),
});
export type Task = z.infer<typeof TaskSchema>;

export const ReasonSchema = z.object({ code: z.string(), message: z.string() });
export type Reason = z.infer<typeof ReasonSchema>;

export const MoneySchema = z.object({ amount: z.number().int(), currency: z.string() });
export type Money = z.infer<typeof MoneySchema>;

export const WindowSchema = z.object({ start: UtcTimestampSchema, end: UtcTimestampSchema });
export type Window = z.infer<typeof WindowSchema>;

export const OrderServiceSchema = z.object({
  serviceId: z.uuid(),
  code: z.string(),
  price: MoneySchema,
  completionWindow: WindowSchema,
});

export type OrderService = z.infer<typeof OrderServiceSchema>;

export const OrderSourceSchema = z.object({
  connectionId: z.uuid(),
  platform: PlatformSchema,
  externalOrderId: z.string(),
});

export const OrderCancellationSchema = z.object({
  by: z.enum(['integration', 'courier', 'client']),
  reason: z.string().nullable(),
  at: UtcTimestampSchema,
});
export type OrderCancellation = z.infer<typeof OrderCancellationSchema>;

export const OrderSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  courierId: z.uuid(),
  status: OrderStatusSchema,
  source: OrderSourceSchema,
  reference: z.string().nullable(),
  /** Null only on a Draft still waiting for a pickup address (no pickup sent, no default pickup). */
  pickup: TaskSchema.nullable(),
  dropoff: TaskSchema,
  readyBy: UtcTimestampSchema,
  dueBy: UtcTimestampSchema.nullable(),
  weight: WeightSchema.nullable(),
  pieces: z.number().int().nullable(),
  serviceCode: z.string().nullable(),
  notes: z.string().nullable(),
  service: OrderServiceSchema.nullable(),
  draftReasons: z.array(ReasonSchema),
  /** Set once the order is CANCELLED: who cancelled it, why and when. */
  cancellation: OrderCancellationSchema.nullable(),
  createdAt: UtcTimestampSchema,
  updatedAt: UtcTimestampSchema,
});
export type Order = z.infer<typeof OrderSchema>;

/** PATCH /v1/orders/{id} (drafts): any of these, shaped as in the generic event. */
export const UpdateDraftSchema = z
  .object({
    weight: WeightSchema,
    pieces: z.number().int().positive().max(100000),
    serviceCode: z.string().trim().min(1).max(64).nullable(),
    pickup: TaskInputSchema,
    dropoff: TaskInputSchema,
  })
  .partial();
export type UpdateDraft = z.infer<typeof UpdateDraftSchema>;

export const ListOrdersQuerySchema = PageQuerySchema.extend({
  status: OrderStatusSchema.optional(),
  clientId: z.uuid().optional(),
});
export type ListOrdersQuery = z.infer<typeof ListOrdersQuerySchema>;
