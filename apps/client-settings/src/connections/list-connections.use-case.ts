import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { Connection as ConnectionView, Page, PageQuery } from '@portal/contracts';
import { APP_CONFIG, Principal, toPage } from '@portal/service-kit';
import { findReachableClient } from '../clients/client-access';
import type { ClientSettingsConfig } from '../config';
import { Connection } from '../entities/connection.entity';
import { newestFirst } from '../newest-first';
import { toConnectionView } from './connection-view';

export interface ListConnectionsCommand {
  principal: Principal;
  clientId: string;
  query: PageQuery;
}

/** A client's live connections, newest first, without their secrets. */
@Injectable()
export class ListConnectionsUseCase {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: ClientSettingsConfig,
  ) {}

  async execute({ principal, clientId, query }: ListConnectionsCommand): Promise<Page<ConnectionView>> {
    const client = await findReachableClient(this.em, principal, clientId);
    const page = newestFirst(query);
    const rows = await this.em.find(Connection, { clientId: client.id, deletedAt: null, ...page.olderThan }, page.options);
    return toPage(rows, query.limit, (c) => toConnectionView(c, this.config.PUBLIC_BASE_URL));
  }
}
