import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { CreatedApiKey } from '@portal/contracts';
import { hashApiKey, newApiKey } from '@portal/service-kit';
import { v7 as uuidv7 } from 'uuid';
import { ApiKey } from '../entities/api-key.entity';
import { SettingsPublisher } from '../publishing/settings-publisher';

/** Issues keys inside a change: only the hash is stored and published; the key itself is in the answer alone. */
@Injectable()
export class ApiKeyIssuer {
  constructor(private readonly publisher: SettingsPublisher) {}

  async issue(tx: EntityManager, version: () => Promise<string>, owner: Pick<ApiKey, 'courierId' | 'clientId'>): Promise<CreatedApiKey> {
    const apiKey = newApiKey();
    const key = tx.create(ApiKey, { id: uuidv7(), keyHash: hashApiKey(apiKey), ...owner, version: await version() });
    await tx.flush();
    await this.publisher.apiKeyChanged(tx, key);
    return { id: key.id, apiKey };
  }
}
