import { z } from 'zod';

/**
 * What other apps saw that client settings shows: batched in memory and sent every few seconds, so
 * no request pays a database write for it. Times only move forward when applied.
 */
export const ConnectionDeliveriesJobSchema = z.object({
  v: z.literal(1),
  name: z.literal('connection.deliveries'),
  /** The last verified delivery per connection since the previous batch. */
  deliveries: z.array(z.object({ connectionId: z.string(), at: z.string() })),
});
export type ConnectionDeliveriesJob = z.infer<typeof ConnectionDeliveriesJobSchema>;

export const ApiKeyUsesJobSchema = z.object({
  v: z.literal(1),
  name: z.literal('api-key.uses'),
  /** The last use per key since the previous batch. */
  uses: z.array(z.object({ keyId: z.string(), at: z.string() })),
});
export type ApiKeyUsesJob = z.infer<typeof ApiKeyUsesJobSchema>;

export const ActivityJobSchema = z.discriminatedUnion('name', [ConnectionDeliveriesJobSchema, ApiKeyUsesJobSchema]);
export type ActivityJob = z.infer<typeof ActivityJobSchema>;
