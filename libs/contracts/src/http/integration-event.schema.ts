import { z } from 'zod';
import { PlatformSchema } from '../common/platform.schema';
import { PageQuerySchema } from '../common/page.schema';
import { UtcTimestampSchema } from '../common/time.schema';

export const IntegrationEventOutcomeSchema = z.enum(['PENDING', 'PLACED', 'DRAFT', 'DUPLICATE', 'REJECTED', 'IGNORED']);
export type IntegrationEventOutcome = z.infer<typeof IntegrationEventOutcomeSchema>;

/** One row of the integration event log: what arrived and what became of it (PRODUCT 2.3). */
export const IntegrationEventSchema = z.object({
  id: z.uuid(),
  connectionId: z.uuid(),
  clientId: z.uuid(),
  platform: PlatformSchema,
  externalEventId: z.string().nullable(),
  externalOrderId: z.string().nullable(),
  receivedAt: UtcTimestampSchema,
  outcome: IntegrationEventOutcomeSchema,
  orderId: z.uuid().nullable(),
  reason: z.string().nullable(),
});
export type IntegrationEvent = z.infer<typeof IntegrationEventSchema>;

export const ListIntegrationEventsQuerySchema = PageQuerySchema.extend({
  clientId: z.uuid().optional(),
  outcome: IntegrationEventOutcomeSchema.optional(),
});
export type ListIntegrationEventsQuery = z.infer<typeof ListIntegrationEventsQuerySchema>;
