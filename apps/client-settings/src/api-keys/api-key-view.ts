import type { ApiKey as ApiKeyView } from '@portal/contracts';
import type { ApiKey } from '../entities/api-key.entity';

/** A key as lists show it: never the key, nor its hash. */
export const toApiKeyView = (key: ApiKey): ApiKeyView => ({
  id: key.id,
  clientId: key.clientId,
  name: key.name,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  revokedAt: key.revokedAt?.toISOString() ?? null,
});
