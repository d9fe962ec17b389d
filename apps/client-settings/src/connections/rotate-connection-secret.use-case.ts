import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { ConnectionWithSecret, RotateSecret } from '@portal/contracts';
import { APP_CONFIG, AppError, Principal } from '@portal/service-kit';
import type { ClientSettingsConfig } from '../config';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { findLiveConnection } from './connection-access';
import { toConnectionWithSecretView } from './connection-view';
import { generatedSecret } from './signing-secret';

export interface RotateConnectionSecretCommand {
  principal: Principal;
  clientId: string;
  connectionId: string;
  body: RotateSecret;
}

/** Replaces the signing secret; the previous one keeps verifying for the grace period, so senders can switch over. */
@Injectable()
export class RotateConnectionSecretUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
    @Inject(APP_CONFIG) private readonly config: ClientSettingsConfig,
  ) {}

  async execute({ principal, clientId, connectionId, body }: RotateConnectionSecretCommand): Promise<ConnectionWithSecret> {
    const connection = await this.publisher.change(this.em, async (tx, version) => {
      const found = await findLiveConnection(tx, principal, clientId, connectionId);
      if (found.platform === 'shopify' && !body.signingSecret) {
        throw new AppError(400, 'VALIDATION_FAILED', 'The request is not valid: see details.', [
          { path: 'signingSecret', message: 'is required for shopify: paste the new key Shopify shows beside your webhooks' },
        ]);
      }
      const graceMs = this.config.SECRET_GRACE_PERIOD_HOURS * 3600_000;
      tx.assign(found, {
        previousSecret: found.signingSecret,
        previousSecretExpiresAt: new Date(Date.now() + graceMs),
        signingSecret: body.signingSecret ?? generatedSecret(),
        version: await version(),
      });
      await tx.flush();
      await this.publisher.connectionChanged(tx, found);
      return found;
    });
    return toConnectionWithSecretView(connection, this.config.PUBLIC_BASE_URL);
  }
}
