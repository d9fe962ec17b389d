import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound, Principal, resourceId } from '@portal/service-kit';
import { Client } from '../entities/client.entity';

/**
 * The client, if the caller's key reaches it; otherwise 404, so ids of other tenants reveal nothing.
 * `forUpdate` (inside a change's transaction) locks the row until commit: concurrent changes to one
 * client then apply, and get their versions, one after the other, so what is published is never
 * older than what is stored.
 */
export async function findReachableClient(em: EntityManager, principal: Principal, clientId: string, forUpdate = false): Promise<Client> {
  const id = resourceId(clientId, 'Client');
  if (principal.clientId !== null && principal.clientId !== id) throw notFound('Client');
  const client = await em.findOne(Client, { id, courierId: principal.courierId }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!client) throw notFound('Client');
  return client;
}
