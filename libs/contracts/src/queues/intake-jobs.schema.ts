import { z } from 'zod';
import { PlatformSchema } from '../common/platform.schema';
import { CanonicalOrderEventSchema } from '../events/canonical-order-event.schema';

const delivery = {
  v: z.literal(1),
  /** The gateway's id for this delivery: the integration event log's id, carried in every log line. */
  eventId: z.string(),
  connectionId: z.string(),
  clientId: z.string(),
  courierId: z.string(),
  platform: PlatformSchema,
  receivedAt: z.string(),
  /** The stored delivery this was read from: the event's own id, or for a replay the original's. */
  deliveryId: z.string().optional(),
  /** For a replay: the log entry it replays (PRODUCT 2.3). */
  replayOf: z.string().nullable().default(null),
};

/** A verified delivery whose payload became a canonical event: build, change or cancel the order. */
export const IntakeAcceptedJobSchema = z.object({
  ...delivery,
  name: z.literal('integration-event.accepted'),
  event: CanonicalOrderEventSchema,
  /**
   * Whether an update may build the order when none exists yet (true: Shopify and generic updates
   * can arrive before their create). False for a WooCommerce order.updated in a status that creates
   * no order: it changes an existing order, never creates one.
   */
  mayCreate: z.boolean().default(true),
});
export type IntakeAcceptedJob = z.infer<typeof IntakeAcceptedJobSchema>;

/** A delivery answered without being accepted (or a replay that failed for good): record it in the event log. */
export const IntakeRecordedJobSchema = z.object({
  ...delivery,
  name: z.literal('integration-event.recorded'),
  externalEventId: z.string().nullable(),
  externalOrderId: z.string().nullable(),
  outcome: z.enum(['DUPLICATE', 'REJECTED', 'IGNORED', 'FAILED']),
  reason: z.string(),
  reasonCode: z.string().nullable().default(null),
  /** For a duplicate: the gateway event id it repeats, so the log can point at the same order. */
  duplicateOf: z.string().nullable(),
});
export type IntakeRecordedJob = z.infer<typeof IntakeRecordedJobSchema>;

export const IntakeJobSchema = z.discriminatedUnion('name', [IntakeAcceptedJobSchema, IntakeRecordedJobSchema]);
export type IntakeJob = z.infer<typeof IntakeJobSchema>;
