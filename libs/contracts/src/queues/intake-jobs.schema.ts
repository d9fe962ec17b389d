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
};

/** A verified delivery whose payload became a canonical event: build the order. */
export const IntakeAcceptedJobSchema = z.object({
  ...delivery,
  name: z.literal('integration-event.accepted'),
  event: CanonicalOrderEventSchema,
});
export type IntakeAcceptedJob = z.infer<typeof IntakeAcceptedJobSchema>;

/** A delivery the gateway answered without accepting it: record it in the event log. */
export const IntakeRecordedJobSchema = z.object({
  ...delivery,
  name: z.literal('integration-event.recorded'),
  externalEventId: z.string().nullable(),
  externalOrderId: z.string().nullable(),
  outcome: z.enum(['DUPLICATE', 'REJECTED', 'IGNORED']),
  reason: z.string(),
  /** For a duplicate: the gateway event id it repeats, so the log can point at the same order. */
  duplicateOf: z.string().nullable(),
});
export type IntakeRecordedJob = z.infer<typeof IntakeRecordedJobSchema>;

export const IntakeJobSchema = z.discriminatedUnion('name', [IntakeAcceptedJobSchema, IntakeRecordedJobSchema]);
export type IntakeJob = z.infer<typeof IntakeJobSchema>;
