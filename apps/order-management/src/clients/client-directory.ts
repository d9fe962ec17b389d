import { MikroORM } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ReadThroughCache } from '@portal/service-kit';
import { ClientView } from '../entities/client-view.entity';

const TTL_MS = 500;

/**
 * The clients the intake worker builds orders for, read from the projection and kept in memory
 * briefly: one lookup per client per half second instead of one per order.
 */
@Injectable()
export class ClientDirectory {
  private readonly cache: ReadThroughCache<ClientView>;

  constructor(orm: MikroORM) {
    // Unknown clients are not remembered: their projection may arrive any moment.
    this.cache = new ReadThroughCache({ ttlMs: TTL_MS, cacheMisses: false, max: 10_000, load: (id) => orm.em.fork().findOne(ClientView, { id }) });
  }

  get(clientId: string): Promise<ClientView | null> {
    return this.cache.get(clientId);
  }
}
