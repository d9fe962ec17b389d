import { MikroORM } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import type { ConnectionSecret, ConnectionSettings, Platform } from '@portal/contracts';
import { APP_CONFIG, ReadThroughCache } from '@portal/service-kit';
import type { GatewayConfig } from '../config';
import { ClientView } from '../entities/client-view.entity';
import { ConnectionView } from '../entities/connection-view.entity';

/** What the hot path needs to read and route a delivery. */
export interface ConnectionContext {
  connectionId: string;
  clientId: string;
  courierId: string;
  platform: Platform;
  settings: ConnectionSettings;
  secrets: ConnectionSecret[];
  /** The client's timezone, for platforms that send local times without an offset. */
  timezone: string;
  orderCreationEnabled: boolean;
}

/**
 * Connection lookups on the hot path come from memory, refreshed from the projection after a short
 * TTL: every replica sees a change within the TTL, without a database round trip per delivery.
 */
@Injectable()
export class ConnectionCache {
  private readonly cache: ReadThroughCache<ConnectionContext>;

  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) config: GatewayConfig,
  ) {
    // Unknown ids are remembered too: a flood of deliveries to a deleted connection stays off the database.
    this.cache = new ReadThroughCache({ ttlMs: config.GATEWAY_CACHE_TTL_MS, cacheMisses: true, max: 100_000, load: (id) => this.load(id) });
  }

  get(connectionId: string): Promise<ConnectionContext | null> {
    return this.cache.get(connectionId);
  }

  private async load(connectionId: string): Promise<ConnectionContext | null> {
    const found = await readConnection(this.orm, connectionId);
    return found && !found.deleted ? found.context : null;
  }
}

/**
 * A connection as the projection holds it now, deleted or not (a replay must tell "deleted since"
 * from "never known"), with its client's settings.
 */
export async function readConnection(orm: MikroORM, connectionId: string): Promise<{ context: ConnectionContext; deleted: boolean } | null> {
  const em = orm.em.fork();
  const connection = await em.findOne(ConnectionView, { id: connectionId });
  if (!connection) return null;
  const client = await em.findOne(ClientView, { id: connection.clientId });
  const context: ConnectionContext = {
    connectionId: connection.id,
    clientId: connection.clientId,
    courierId: connection.courierId,
    platform: connection.platform,
    settings: connection.settings,
    secrets: connection.secrets,
    // Until the client's own change arrives, treat it as disabled: refusing is safe, accepting is not.
    timezone: client?.timezone ?? 'UTC',
    orderCreationEnabled: client?.orderCreationEnabled ?? false,
  };
  return { context, deleted: connection.deleted };
}
