import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Client as ClientView, UpdateClient } from '@portal/contracts';
import type { Principal } from '@portal/service-kit';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { findReachableClient } from './client-access';
import { toClientView } from './client-view';

export interface UpdateClientCommand {
  principal: Principal;
  clientId: string;
  body: UpdateClient;
}

/** Changes a client's name, timezone, units or default pickup; the fields left out stay. */
@Injectable()
export class UpdateClientUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
  ) {}

  async execute({ principal, clientId, body }: UpdateClientCommand): Promise<ClientView> {
    const client = await this.publisher.change(this.em, async (tx, version) => {
      const found = await findReachableClient(tx, principal, clientId, true);
      tx.assign(found, { ...body, updatedAt: new Date(), version: await version() });
      await tx.flush();
      await this.publisher.clientChanged(tx, found);
      return found;
    });
    return toClientView(client);
  }
}
