import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@portal/service-kit';
import { ClientServiceRecord } from '../entities/client-service.entity';
import { Client } from '../entities/client.entity';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { findOwnService } from './service-access';

export interface DeleteServiceCommand {
  principal: Principal;
  serviceId: string;
}

/** Deletes a service and takes it off every client it was assigned to; their other pairs stay. */
@Injectable()
export class DeleteServiceUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
  ) {}

  async execute({ principal, serviceId }: DeleteServiceCommand): Promise<void> {
    await this.publisher.change(this.em, async (tx, version) => {
      const found = await findOwnService(tx, principal, serviceId, true);
      const pairs = await tx.find(ClientServiceRecord, { serviceId: found.id });
      tx.assign(found, { deletedAt: new Date(), version: await version() });
      await tx.nativeDelete(ClientServiceRecord, { serviceId: found.id });
      await tx.flush();
      await this.publisher.serviceChanged(tx, found);
      // Each client that lost the pair gets a new version, so every app sees its new set of services.
      for (const clientId of new Set(pairs.map((p) => p.clientId))) {
        const client = await tx.findOneOrFail(Client, { id: clientId });
        tx.assign(client, { version: await version(), updatedAt: new Date() });
        await tx.flush();
        await this.publisher.clientServicesChanged(tx, client);
      }
    });
  }
}
