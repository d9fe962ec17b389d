import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { ConnectionWithSecret, CreateConnection } from '@portal/contracts';
import { APP_CONFIG, Principal } from '@portal/service-kit';
import { v7 as uuidv7 } from 'uuid';
import { findReachableClient } from '../clients/client-access';
import type { ClientSettingsConfig } from '../config';
import { Connection } from '../entities/connection.entity';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { toConnectionWithSecretView } from './connection-view';
import { generatedSecret } from './signing-secret';

export interface CreateConnectionCommand {
  principal: Principal;
  clientId: string;
  body: CreateConnection;
}

/** Connects a client's platform to the gateway; the answer is the one place, with rotation, that shows the secret. */
@Injectable()
export class CreateConnectionUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
    @Inject(APP_CONFIG) private readonly config: ClientSettingsConfig,
  ) {}

  async execute({ principal, clientId, body }: CreateConnectionCommand): Promise<ConnectionWithSecret> {
    const connection = await this.publisher.change(this.em, async (tx, version) => {
      const client = await findReachableClient(tx, principal, clientId);
      const created = tx.create(Connection, {
        id: uuidv7(),
        clientId: client.id,
        courierId: client.courierId,
        platform: body.platform,
        name: body.name ?? null,
        settings: body.settings ?? {},
        signingSecret: body.signingSecret ?? generatedSecret(),
        version: await version(),
      });
      await tx.flush();
      await this.publisher.connectionChanged(tx, created);
      return created;
    });
    return toConnectionWithSecretView(connection, this.config.PUBLIC_BASE_URL);
  }
}
