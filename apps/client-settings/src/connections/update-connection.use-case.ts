import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { Connection as ConnectionView, UpdateConnection } from '@portal/contracts';
import { APP_CONFIG, Principal } from '@portal/service-kit';
import type { ClientSettingsConfig } from '../config';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { findLiveConnection } from './connection-access';
import { toConnectionView } from './connection-view';

export interface UpdateConnectionCommand {
  principal: Principal;
  clientId: string;
  connectionId: string;
  body: UpdateConnection;
}

/** Renames a connection or replaces its settings; its URL and secret stay. */
@Injectable()
export class UpdateConnectionUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
    @Inject(APP_CONFIG) private readonly config: ClientSettingsConfig,
  ) {}

  async execute({ principal, clientId, connectionId, body }: UpdateConnectionCommand): Promise<ConnectionView> {
    const connection = await this.publisher.change(this.em, async (tx, version) => {
      const found = await findLiveConnection(tx, principal, clientId, connectionId);
      tx.assign(found, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.settings !== undefined ? { settings: body.settings } : {}),
        version: await version(),
      });
      await tx.flush();
      await this.publisher.connectionChanged(tx, found);
      return found;
    });
    return toConnectionView(connection, this.config.PUBLIC_BASE_URL);
  }
}
