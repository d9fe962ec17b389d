import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ApiKeyResolver, Principal } from '@portal/service-kit';
import { ApiKeyView } from '../entities/api-key-view.entity';

/** Checks keys against the projection of client settings' keys: no call to another app per request. */
@Injectable()
export class ProjectedApiKeyResolver extends ApiKeyResolver {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async resolve(keyHash: string): Promise<Principal | null> {
    const key = await this.em.fork().findOne(ApiKeyView, { keyHash, revoked: false });
    return key ? { keyId: key.id, courierId: key.courierId, clientId: key.clientId } : null;
  }
}
