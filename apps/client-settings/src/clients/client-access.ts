import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound, Principal, resourceId } from '@portal/service-kit';
import { Client } from '../entities/client.entity';
import { rowLock } from '../row-lock';

/** The client, if the caller's key reaches it; otherwise 404, so ids of other tenants reveal nothing. */
export async function findReachableClient(em: EntityManager, principal: Principal, clientId: string, forUpdate = false): Promise<Client> {
  const id = resourceId(clientId, 'Client');
  if (principal.clientId !== null && principal.clientId !== id) throw notFound('Client');
  const client = await em.findOne(Client, { id, courierId: principal.courierId }, rowLock(forUpdate));
  if (!client) throw notFound('Client');
  return client;
}
