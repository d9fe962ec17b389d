import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { conflict, Principal } from '@portal/service-kit';
import { ClientServiceRecord } from '../entities/client-service.entity';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { findOwnRateTable } from './rate-table-access';

export interface DeleteRateTableCommand {
  principal: Principal;
  rateTableId: string;
}

/** Deletes a rate table no client uses; while one does, 409, so no client is left with a service priced by nothing. */
@Injectable()
export class DeleteRateTableUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
  ) {}

  async execute({ principal, rateTableId }: DeleteRateTableCommand): Promise<void> {
    await this.publisher.change(this.em, async (tx, version) => {
      const found = await findOwnRateTable(tx, principal, rateTableId, true);
      const inUse = await tx.count(ClientServiceRecord, { rateTableId: found.id });
      if (inUse > 0) throw conflict(`This rate table prices ${inUse} client service pair(s): assign those clients another table first.`);
      tx.assign(found, { deletedAt: new Date(), version: await version() });
      await tx.flush();
      await this.publisher.rateTableChanged(tx, found);
    });
  }
}
