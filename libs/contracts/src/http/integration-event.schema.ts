import { z } from 'zod';
import { PlatformSchema } from '../common/platform.schema';
import { PageQuerySchema } from '../common/page.schema';

export const IntegrationEventOutcomeSchema = z.enum(['PENDING', 'PLACED', 'DRAFT', 'DUPLICATE', 'REJECTED', 'IGNORED']);
export type IntegrationEventOutcome = z.infer<typeof IntegrationEventOutcomeSchema>;

/** One row of the integration event log: what arrived and what became of it (PRODUCT 2.3). */
export const IntegrationEventSchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  clientId: z.string(),
  platform: PlatformSchema,
  externalEventId: z.string().nullable(),
  externalOrderId: z.string().nullable(),
  receivedAt: z.string(),
  outcome: IntegrationEventOutcomeSchema,
  orderId: z.string().nullable(),
  reason: z.string().nullable(),
});
export type IntegrationEvent = z.infer<typeof IntegrationEventSchema>;

export const ListIntegrationEventsQuerySchema = PageQuerySchema.extend({
  clientId: z.uuid().optional(),
  outcome: IntegrationEventOutcomeSchema.optional(),
});
export type ListIntegrationEventsQuery = z.infer<typeof ListIntegrationEventsQuerySchema>;
