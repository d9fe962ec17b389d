import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Client as ClientView, Page, PageQuery } from '@portal/contracts';
import { Principal, toPage } from '@portal/service-kit';
import { Client } from '../entities/client.entity';
import { newestFirst } from '../newest-first';
import { toClientView } from './client-view';

export interface ListClientsCommand {
  principal: Principal;
  query: PageQuery;
}

/** The clients the key reaches, newest first: all of a courier's, or a client key's own. */
@Injectable()
export class ListClientsUseCase {
  constructor(private readonly em: EntityManager) {}

  async execute({ principal, query }: ListClientsCommand): Promise<Page<ClientView>> {
    const page = newestFirst(query);
    const reachable = principal.clientId ? { id: principal.clientId } : {};
    const rows = await this.em.find(Client, { courierId: principal.courierId, $and: [reachable, page.olderThan] }, page.options);
    return toPage(rows, query.limit, toClientView);
  }
}
