import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { RateTable } from '@portal/contracts';
import type { Principal } from '@portal/service-kit';
import { findOwnRateTable } from './rate-table-access';
import { toRateTableView } from './rate-table-view';

export interface GetRateTableCommand {
  principal: Principal;
  rateTableId: string;
}

@Injectable()
export class GetRateTableUseCase {
  constructor(private readonly em: EntityManager) {}

  async execute({ principal, rateTableId }: GetRateTableCommand): Promise<RateTable> {
    return toRateTableView(await findOwnRateTable(this.em, principal, rateTableId));
  }
}
