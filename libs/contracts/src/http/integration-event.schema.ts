import { z } from 'zod';
import { PlatformSchema } from '../common/platform.schema';
import { PageQuerySchema } from '../common/page.schema';
import { UtcTimestampSchema } from '../common/time.schema';

export const IntegrationEventOutcomeSchema = z.enum(['PENDING', 'PLACED', 'DRAFT', 'UPDATED', 'CANCELLED', 'DUPLICATE', 'REJECTED', 'IGNORED', 'FAILED']);
export type IntegrationEventOutcome = z.infer<typeof IntegrationEventOutcomeSchema>;

/** A machine-readable reason, as filters take it: STALE, NO_CHANGE, NO_PICKUP_ADDRESS... */
export const ReasonCodeSchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'must be a reason code such as NO_PICKUP_ADDRESS');

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
  /** For filters and replays, such as STALE, NO_CHANGE, ORDER_CANCELLED, NO_DEFAULT_PICKUP. */
  reasonCode: z.string().nullable(),
  /** The log entry this one replays. */
  replayOf: z.string().nullable(),
  /** What the event said happened at the source: a new order, a change, a cancellation (null when unreadable). */
  eventType: z.enum(['order.created', 'order.updated', 'order.cancelled']).nullable(),
});
export type IntegrationEvent = z.infer<typeof IntegrationEventSchema>;

export const ListIntegrationEventsQuerySchema = PageQuerySchema.extend({
  clientId: z.uuid().optional(),
  connectionId: z.uuid().optional(),
  outcome: IntegrationEventOutcomeSchema.optional(),
  reasonCode: ReasonCodeSchema.optional(),
});
export type ListIntegrationEventsQuery = z.infer<typeof ListIntegrationEventsQuerySchema>;

/** Outcomes a courier may replay once the cause is fixed (PRODUCT 2.3). */
export const ReplayableOutcomeSchema = z.enum(['REJECTED', 'FAILED', 'IGNORED']);

/** POST /v1/integration-events/replay: every event matching the filter is processed again. */
export const ReplayEventsRequestSchema = z
  .object({
    clientId: z.uuid().optional(),
    connectionId: z.uuid().optional(),
    outcome: ReplayableOutcomeSchema,
    reasonCode: ReasonCodeSchema.optional(),
    receivedAfter: z.iso.datetime({ offset: true }).optional(),
    receivedBefore: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type ReplayEventsRequest = z.infer<typeof ReplayEventsRequestSchema>;

/** 202 to a replay of one event: the new log entry's id. */
export const ReplayAcceptedSchema = z.object({ id: z.string() });
export type ReplayAccepted = z.infer<typeof ReplayAcceptedSchema>;

export const ReplaysAcceptedSchema = z.object({ replayed: z.number().int().nonnegative() });
export type ReplaysAccepted = z.infer<typeof ReplaysAcceptedSchema>;
