import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Page, PageQuery, RateTable } from '@portal/contracts';
import { Principal, toPage } from '@portal/service-kit';
import { RateTableRecord } from '../entities/rate-table.entity';
import { newestFirst } from '../newest-first';
import { toRateTableView } from './rate-table-view';

export interface ListRateTablesCommand {
  principal: Principal;
  query: PageQuery;
}

/** The courier's live rate tables, newest first. */
@Injectable()
export class ListRateTablesUseCase {
  constructor(private readonly em: EntityManager) {}

  async execute({ principal, query }: ListRateTablesCommand): Promise<Page<RateTable>> {
    const page = newestFirst(query);
    const rows = await this.em.find(RateTableRecord, { courierId: principal.courierId, deletedAt: null, ...page.olderThan }, page.options);
    return toPage(rows, query.limit, toRateTableView);
  }
}
