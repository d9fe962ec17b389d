import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CreateRateTableSchema, RateTable, UpdateRateTable } from '@portal/contracts';
import type { Principal } from '@portal/service-kit';
import { validMerge } from '../merged-body';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { findOwnRateTable } from './rate-table-access';
import { rateTableFields } from './rate-table-fields';
import { toRateTableView } from './rate-table-view';

export interface UpdateRateTableCommand {
  principal: Principal;
  rateTableId: string;
  body: UpdateRateTable;
}

/** Applies a PATCH to the stored table; the next quote of every client using it uses the new rates. */
@Injectable()
export class UpdateRateTableUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
  ) {}

  async execute({ principal, rateTableId, body }: UpdateRateTableCommand): Promise<RateTable> {
    const table = await this.publisher.change(this.em, async (tx, version) => {
      const found = await findOwnRateTable(tx, principal, rateTableId, true);
      const merged = validMerge(CreateRateTableSchema, { name: found.name, ...found.definition, ...body });
      tx.assign(found, { ...rateTableFields(merged), updatedAt: new Date(), version: await version() });
      await tx.flush();
      await this.publisher.rateTableChanged(tx, found);
      return found;
    });
    return toRateTableView(table);
  }
}
