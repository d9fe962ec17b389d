import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound, Principal, resourceId } from '@portal/service-kit';
import { ServiceRecord } from '../entities/service.entity';
import { rowLock } from '../row-lock';

/** One of the caller's courier's live services; another courier's answers 404 like one that never was. */
export async function findOwnService(em: EntityManager, principal: Principal, serviceId: string, forUpdate = false): Promise<ServiceRecord> {
  const found = await em.findOne(ServiceRecord, { id: resourceId(serviceId, 'Service'), courierId: principal.courierId, deletedAt: null }, rowLock(forUpdate));
  if (!found) throw notFound('Service');
  return found;
}
