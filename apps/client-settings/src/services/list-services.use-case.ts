import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Page, PageQuery, Service } from '@portal/contracts';
import { Principal, toPage } from '@portal/service-kit';
import { ServiceRecord } from '../entities/service.entity';
import { newestFirst } from '../newest-first';
import { toServiceView } from './service-view';

export interface ListServicesCommand {
  principal: Principal;
  query: PageQuery;
}

/** The courier's live services, newest first. */
@Injectable()
export class ListServicesUseCase {
  constructor(private readonly em: EntityManager) {}

  async execute({ principal, query }: ListServicesCommand): Promise<Page<Service>> {
    const page = newestFirst(query);
    const rows = await this.em.find(ServiceRecord, { courierId: principal.courierId, deletedAt: null, ...page.olderThan }, page.options);
    return toPage(rows, query.limit, toServiceView);
  }
}
