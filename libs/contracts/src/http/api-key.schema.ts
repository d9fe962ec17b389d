import { z } from 'zod';
import { UtcTimestampSchema } from '../common/time.schema';

/** `POST /v1/api-keys` (a courier key) and `POST /v1/clients/{clientId}/api-keys` (a client key). */
export const CreateApiKeySchema = z.object({
  /** What the key is for ("Back office", "Warehouse scanner"); defaults to "Courier key" or "Client key". */
  name: z.string().trim().min(1).max(200).optional(),
});
export type CreateApiKey = z.infer<typeof CreateApiKeySchema>;

/** A key as lists show it: never the key itself, which is shown once, when issued. */
export const ApiKeySchema = z.object({
  id: z.uuid(),
  /** null for a courier key. */
  clientId: z.uuid().nullable(),
  name: z.string(),
  createdAt: UtcTimestampSchema,
  /** The last authenticated request on any service, to within a few seconds; null if never used. */
  lastUsedAt: UtcTimestampSchema.nullable(),
  revokedAt: UtcTimestampSchema.nullable(),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;
