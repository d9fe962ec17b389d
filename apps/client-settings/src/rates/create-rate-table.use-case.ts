import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { CreateRateTable, RateTable } from '@portal/contracts';
import type { Principal } from '@portal/service-kit';
import { v7 as uuidv7 } from 'uuid';
import { RateTableRecord } from '../entities/rate-table.entity';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { rateTableFields } from './rate-table-fields';
import { toRateTableView } from './rate-table-view';

export interface CreateRateTableCommand {
  principal: Principal;
  body: CreateRateTable;
}

/** Defines one of the courier's rate tables: currency, base rate, threshold modifiers, minimum and maximum. */
@Injectable()
export class CreateRateTableUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
  ) {}

  async execute({ principal, body }: CreateRateTableCommand): Promise<RateTable> {
    const table = await this.publisher.change(this.em, async (tx, version) => {
      const created = tx.create(RateTableRecord, { id: uuidv7(), courierId: principal.courierId, ...rateTableFields(body), version: await version() });
      await tx.flush();
      await this.publisher.rateTableChanged(tx, created);
      return created;
    });
    return toRateTableView(table);
  }
}
