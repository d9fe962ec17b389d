import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AppError, notFound, Principal, resourceId } from '@portal/service-kit';
import { ApiKey } from '../entities/api-key.entity';
import { Courier } from '../entities/courier.entity';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { reachableKeys } from './api-key-access';

export interface RevokeApiKeyCommand {
  principal: Principal;
  keyId: string;
}

/**
 * Revokes a key: client settings refuses it at once, other apps as soon as the change reaches their
 * projection (well within a second). A courier keeps at least one active courier key: without one,
 * only the operator could reach its settings again.
 */
@Injectable()
export class RevokeApiKeyUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
  ) {}

  async execute({ principal, keyId }: RevokeApiKeyCommand): Promise<void> {
    const id = resourceId(keyId, 'API key');
    await this.publisher.change(this.em, async (tx, version) => {
      // Every revocation of a courier's keys takes the courier row first, so two revocations of its
      // last two courier keys run one after the other and the second sees the first (no deadlock:
      // one lock, always taken first).
      await tx.findOneOrFail(Courier, { id: principal.courierId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const key = await tx.findOne(ApiKey, { id, ...reachableKeys(principal) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!key) throw notFound('API key');
      // Revoking twice is the same as once.
      if (key.revokedAt !== null) return;
      if (key.clientId === null) {
        const activeCourierKeys = await tx.count(ApiKey, { courierId: key.courierId, clientId: null, revokedAt: null });
        if (activeCourierKeys <= 1) {
          throw new AppError(409, 'LAST_COURIER_KEY', "This is the courier's last active courier key: issue another with POST /v1/api-keys, switch to it, then revoke this one.");
        }
      }
      tx.assign(key, { revokedAt: new Date(), version: await version() });
      await tx.flush();
      await this.publisher.apiKeyChanged(tx, key);
    });
  }
}
