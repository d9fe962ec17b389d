import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ApiKeyResolver, Principal } from '@portal/service-kit';
import { ApiKey } from '../entities/api-key.entity';

/** Client settings issues the keys, so it checks them against its own table. */
@Injectable()
export class StoredApiKeyResolver extends ApiKeyResolver {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async resolve(keyHash: string): Promise<Principal | null> {
    const key = await this.em.fork().findOne(ApiKey, { keyHash, revokedAt: null });
    return key ? { keyId: key.id, courierId: key.courierId, clientId: key.clientId } : null;
  }
}
