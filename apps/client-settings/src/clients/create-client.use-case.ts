import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Client as ClientView, CreateClient } from '@portal/contracts';
import type { Principal } from '@portal/service-kit';
import { v7 as uuidv7 } from 'uuid';
import { Client } from '../entities/client.entity';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { toClientView } from './client-view';

export interface CreateClientCommand {
  principal: Principal;
  body: CreateClient;
}

/** A new client organisation of the caller's courier; its integrations stay off until the courier turns them on. */
@Injectable()
export class CreateClientUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
  ) {}

  async execute({ principal, body }: CreateClientCommand): Promise<ClientView> {
    const client = await this.publisher.change(this.em, async (tx, version) => {
      const created = tx.create(Client, {
        id: uuidv7(),
        courierId: principal.courierId,
        name: body.name,
        timezone: body.timezone,
        units: body.units,
        defaultPickup: body.defaultPickup ?? null,
        version: await version(),
      });
      await tx.flush();
      await this.publisher.clientChanged(tx, created);
      return created;
    });
    return toClientView(client);
  }
}
