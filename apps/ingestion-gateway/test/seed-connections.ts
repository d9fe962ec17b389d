import type { MikroORM } from '@mikro-orm/core';
import type { Platform } from '@portal/contracts';
import { v7 as uuidv7 } from 'uuid';
import { ClientView } from '../src/entities/client-view.entity';
import { ConnectionView } from '../src/entities/connection-view.entity';

/** One client with integrations on, and one connection per platform signed with `secret`, in the gateway's projection. */
export async function seedConnections(orm: MikroORM, platforms: Platform[], secret: string): Promise<Record<Platform, string>> {
  const clientId = uuidv7();
  const courierId = uuidv7();
  await orm.em.fork().insert(ClientView, { id: clientId, courierId, timezone: 'America/New_York', orderCreationEnabled: true, version: '1' });
  const connections = {} as Record<Platform, string>;
  for (const platform of platforms) {
    connections[platform] = uuidv7();
    await orm.em.fork().insert(ConnectionView, { id: connections[platform], clientId, courierId, platform, settings: {}, secrets: [{ secret, expiresAt: null }], deleted: false, version: '1' });
  }
  return connections;
}
