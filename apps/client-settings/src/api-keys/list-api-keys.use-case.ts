import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { ApiKey as ApiKeyView, Page, PageQuery } from '@portal/contracts';
import { Principal, toPage } from '@portal/service-kit';
import { ApiKey } from '../entities/api-key.entity';
import { newestFirst } from '../newest-first';
import { reachableKeys } from './api-key-access';
import { toApiKeyView } from './api-key-view';

export interface ListApiKeysCommand {
  principal: Principal;
  query: PageQuery;
}

/** The keys the caller reaches, revoked ones included (with when), newest first. */
@Injectable()
export class ListApiKeysUseCase {
  constructor(private readonly em: EntityManager) {}

  async execute({ principal, query }: ListApiKeysCommand): Promise<Page<ApiKeyView>> {
    const page = newestFirst(query);
    const rows = await this.em.find(ApiKey, { $and: [reachableKeys(principal), page.olderThan] }, page.options);
    return toPage(rows, query.limit, toApiKeyView);
  }
}
