import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { CreatedApiKey } from '@portal/contracts';
import { hashApiKey, newApiKey } from '@portal/service-kit';
import { v7 as uuidv7 } from 'uuid';
import { ApiKey } from '../entities/api-key.entity';
import { SettingsPublisher } from '../publishing/settings-publisher';

/** What a key is called when its issuer gave no name (the same names older keys were given). */
export const defaultKeyName = (clientId: string | null): string => (clientId === null ? 'Courier key' : 'Client key');

export interface KeyOwner {
  courierId: string;
  clientId: string | null;
  name?: string;
}

/** Issues keys inside a change: only the hash is stored and published; the key itself is in the answer alone. */
@Injectable()
export class ApiKeyIssuer {
  constructor(private readonly publisher: SettingsPublisher) {}

  async issue(tx: EntityManager, version: () => Promise<string>, { courierId, clientId, name }: KeyOwner): Promise<CreatedApiKey> {
    const apiKey = newApiKey();
    const key = tx.create(ApiKey, {
      id: uuidv7(),
      keyHash: hashApiKey(apiKey),
      courierId,
      clientId,
      name: name ?? defaultKeyName(clientId),
      version: await version(),
    });
    await tx.flush();
    await this.publisher.apiKeyChanged(tx, key);
    return { id: key.id, apiKey };
  }
}
