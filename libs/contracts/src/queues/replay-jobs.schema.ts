import { z } from 'zod';
import { PlatformSchema } from '../common/platform.schema';

/**
 * Order management asks the gateway to read a stored delivery again with today's configuration
 * (PRODUCT 2.3); the gateway hands it on as a fresh intake job under `replayId`.
 */
export const DeliveryReplayRequestedJobSchema = z.object({
  v: z.literal(1),
  name: z.literal('delivery.replay-requested'),
  /** The new log entry's id. */
  replayId: z.string(),
  /** The log entry replayed. */
  replayOf: z.string(),
  /** The stored delivery to read again (the first delivery of a chain of replays). */
  deliveryId: z.string(),
  connectionId: z.string(),
  clientId: z.string(),
  courierId: z.string(),
  /** The replayed event's platform: what a replay is recorded under when its connection is gone. */
  platform: PlatformSchema.optional(),
  requestedAt: z.string(),
});
export type DeliveryReplayRequestedJob = z.infer<typeof DeliveryReplayRequestedJobSchema>;
