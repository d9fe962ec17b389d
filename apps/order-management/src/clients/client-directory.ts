import { MikroORM } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { TtlCache } from '@portal/service-kit';
import { ClientView } from '../entities/client-view.entity';

const TTL_MS = 500;

/**
 * The clients the intake worker builds orders for, read from the projection and kept in memory
 * briefly: one lookup per client per half second instead of one per order.
 */
@Injectable()
export class ClientDirectory {
  // Unknown clients are not remembered: their projection may arrive any moment.
  private readonly cache = new TtlCache<ClientView>(TTL_MS, false);

  constructor(private readonly orm: MikroORM) {}

  get(clientId: string): Promise<ClientView | null> {
    return this.cache.get(clientId, () => this.orm.em.fork().findOne(ClientView, { id: clientId }));
  }
}
