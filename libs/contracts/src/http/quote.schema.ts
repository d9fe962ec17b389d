import { z } from 'zod';
import { CanonicalOrderSchema } from '../events/canonical-order-event.schema';
import { MoneySchema, ReasonSchema, WindowSchema } from './order.schema';

/** POST /v1/quotes: an order shaped as in the generic event, without an external id. */
export const QuoteRequestSchema = z.object({
  clientId: z.uuid().optional(),
  order: CanonicalOrderSchema.omit({ externalId: true }).extend({ externalId: z.string().optional() }),
});
export type QuoteRequest = z.infer<typeof QuoteRequestSchema>;

export const ServiceQuoteSchema = z.object({
  serviceId: z.uuid(),
  code: z.string(),
  eligible: z.boolean(),
  reasons: z.array(ReasonSchema),
  price: MoneySchema.nullable(),
  completionWindow: WindowSchema.nullable(),
});
export type ServiceQuote = z.infer<typeof ServiceQuoteSchema>;

export const QuoteResultSchema = z.object({
  quotes: z.array(ServiceQuoteSchema),
  pick: z.object({ serviceId: z.uuid(), code: z.string() }).nullable(),
  draftReasons: z.array(ReasonSchema),
});
export type QuoteResult = z.infer<typeof QuoteResultSchema>;
