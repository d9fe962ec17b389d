import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound, Principal, resourceId } from '@portal/service-kit';
import { RateTableRecord } from '../entities/rate-table.entity';
import { rowLock } from '../row-lock';

/** One of the caller's courier's live rate tables; another courier's answers 404 like one that never was. */
export async function findOwnRateTable(em: EntityManager, principal: Principal, rateTableId: string, forUpdate = false): Promise<RateTableRecord> {
  const found = await em.findOne(RateTableRecord, { id: resourceId(rateTableId, 'Rate table'), courierId: principal.courierId, deletedAt: null }, rowLock(forUpdate));
  if (!found) throw notFound('Rate table');
  return found;
}
