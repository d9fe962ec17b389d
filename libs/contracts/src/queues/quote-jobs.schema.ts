import { z } from 'zod';
import { WeightSchema } from '../common/task.schema';
import { TaskSchema } from '../http/order.schema';
import { IntakeAcceptedJobSchema } from './intake-jobs.schema';

/** What quoting needs of an order: tasks with UTC times, Ready By / Due By, measures, a requested code. */
export const QuotableOrderSchema = z.object({
  /** Null while a draft lacks a pickup (no default pickup address): it cannot be quoted then. */
  pickup: TaskSchema.nullable(),
  dropoff: TaskSchema,
  readyBy: z.string(),
  dueBy: z.string().nullable(),
  weight: WeightSchema.nullable(),
  pieces: z.number().int().nullable(),
  serviceCode: z.string().nullable(),
});
export type QuotableOrder = z.infer<typeof QuotableOrderSchema>;

/** Order management asks quoting; the answer is the job's return value (a QuoteResult). */
export const QuoteRequestedJobSchema = z.object({
  v: z.literal(1),
  name: z.literal('quote.requested'),
  clientId: z.string(),
  courierId: z.string(),
  order: QuotableOrderSchema,
  /** The event id or order id this quote is for, carried into quoting's logs. */
  correlationId: z.string(),
});
export type QuoteRequestedJob = z.infer<typeof QuoteRequestedJobSchema>;

/**
 * The parent of a quote in a BullMQ flow: once quoting answered (the child's return value), order
 * management places the order or makes it a Draft. No worker waits in between.
 */
export const OrderQuotedJobSchema = z.object({
  v: z.literal(1),
  name: z.literal('order.quoted'),
  intake: IntakeAcceptedJobSchema,
  order: QuotableOrderSchema,
  orderId: z.string(),
});
export type OrderQuotedJob = z.infer<typeof OrderQuotedJobSchema>;

/**
 * The parent of a quote for a change to an existing order of a Rates and Services client (an update
 * from its store): once quoting answered, order management applies the change or refuses it.
 */
export const OrderChangeQuotedJobSchema = z.object({
  v: z.literal(1),
  name: z.literal('order.change-quoted'),
  intake: IntakeAcceptedJobSchema,
  /** The order as the change would make it. */
  order: QuotableOrderSchema,
  orderId: z.string(),
});
export type OrderChangeQuotedJob = z.infer<typeof OrderChangeQuotedJobSchema>;

export const QuotedJobSchema = z.discriminatedUnion('name', [OrderQuotedJobSchema, OrderChangeQuotedJobSchema]);
export type QuotedJob = z.infer<typeof QuotedJobSchema>;
