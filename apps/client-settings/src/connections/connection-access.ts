import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound, Principal, resourceId } from '@portal/service-kit';
import { findReachableClient } from '../clients/client-access';
import { Connection } from '../entities/connection.entity';

/**
 * A connection of a client the caller reaches, not deleted, locked until commit: a rotation and a
 * settings change cannot publish each other's stale state.
 */
export async function findLiveConnection(tx: EntityManager, principal: Principal, clientId: string, connectionId: string): Promise<Connection> {
  const client = await findReachableClient(tx, principal, clientId);
  const connection = await tx.findOne(Connection, { id: resourceId(connectionId, 'Connection'), clientId: client.id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!connection) throw notFound('Connection');
  return connection;
}
