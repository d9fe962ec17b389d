import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@portal/service-kit';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { findLiveConnection } from './connection-access';

export interface DeleteConnectionCommand {
  principal: Principal;
  clientId: string;
  connectionId: string;
}

/** Disconnects: the gateway answers 404 for it from then on; its events and orders stay. */
@Injectable()
export class DeleteConnectionUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
  ) {}

  async execute({ principal, clientId, connectionId }: DeleteConnectionCommand): Promise<void> {
    await this.publisher.change(this.em, async (tx, version) => {
      const connection = await findLiveConnection(tx, principal, clientId, connectionId);
      tx.assign(connection, { deletedAt: new Date(), version: await version() });
      await tx.flush();
      await this.publisher.connectionChanged(tx, connection);
    });
  }
}
