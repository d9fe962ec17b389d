import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { IntegrationEvent, ListIntegrationEventsQuery, Page } from '@portal/contracts';
import { decodeCursor, Principal, toPage } from '@portal/service-kit';
import { IntegrationEventRecord } from '../entities/integration-event.entity';
import { tenantFilter } from '../tenant-filter';
import { toIntegrationEventView } from './integration-event-view';

export interface ListIntegrationEventsCommand {
  principal: Principal;
  query: ListIntegrationEventsQuery;
}

/** What arrived from each connection and what became of it, newest first. */
@Injectable()
export class ListIntegrationEventsUseCase {
  constructor(private readonly em: EntityManager) {}

  async execute({ principal, query }: ListIntegrationEventsCommand): Promise<Page<IntegrationEvent>> {
    const before = decodeCursor(query.cursor);
    const rows = await this.em.fork().find(
      IntegrationEventRecord,
      {
        ...tenantFilter(principal, query.clientId),
        ...(query.outcome ? { outcome: query.outcome } : {}),
        ...(query.connectionId ? { connectionId: query.connectionId } : {}),
        ...(query.reasonCode ? { reasonCode: query.reasonCode } : {}),
        ...(before ? { id: { $lt: before } } : {}),
      },
      { orderBy: { id: 'desc' }, limit: query.limit + 1 },
    );
    return toPage(rows, query.limit, toIntegrationEventView);
  }
}
