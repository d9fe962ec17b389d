import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { ListOrdersQuery, Order as OrderView, Page } from '@portal/contracts';
import { decodeCursor, Principal, toPage } from '@portal/service-kit';
import { Order } from '../entities/order.entity';
import { tenantFilter } from '../tenant-filter';
import { toOrderView } from './order-view';

export interface ListOrdersCommand {
  principal: Principal;
  query: ListOrdersQuery;
}

/** Orders the key reaches, newest first; every status unless one is asked for. */
@Injectable()
export class ListOrdersUseCase {
  constructor(private readonly em: EntityManager) {}

  async execute({ principal, query }: ListOrdersCommand): Promise<Page<OrderView>> {
    const before = decodeCursor(query.cursor);
    const rows = await this.em.fork().find(
      Order,
      {
        ...tenantFilter(principal, query.clientId),
        ...(query.status ? { status: query.status } : {}),
        ...(before ? { id: { $lt: before } } : {}),
      },
      { orderBy: { id: 'desc' }, limit: query.limit + 1 },
    );
    return toPage(rows, query.limit, toOrderView);
  }
}
