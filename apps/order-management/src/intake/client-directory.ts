import { MikroORM } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ClientView } from '../entities/client-view.entity';

const TTL_MS = 500;

/**
 * The clients the intake worker builds orders for, read from the projection and kept in memory
 * briefly: one lookup per client per half second instead of one per order.
 */
@Injectable()
export class ClientDirectory {
  private readonly entries = new Map<string, { client: ClientView; expiresAt: number }>();

  constructor(private readonly orm: MikroORM) {}

  async get(clientId: string): Promise<ClientView | null> {
    const now = Date.now();
    const cached = this.entries.get(clientId);
    if (cached && cached.expiresAt > now) return cached.client;
    const client = await this.orm.em.fork().findOne(ClientView, { id: clientId });
    // Unknown clients are not cached: their projection may arrive any moment.
    if (client) {
      if (this.entries.size > 10_000) this.entries.clear();
      this.entries.set(clientId, { client, expiresAt: now + TTL_MS });
    }
    return client;
  }
}
