import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, conflict, Principal } from '@portal/service-kit';
import type { Order } from '../entities/order.entity';
import { findReachableOrder } from '../orders/find-order';

export const changedMeanwhile = (): AppError =>
  conflict('This draft was changed, finalised or cancelled by someone else meanwhile: read it again and retry.');

/** A draft the caller reaches; 409 when the order is no longer (or never was) a draft. */
export async function findDraft(em: EntityManager, principal: Principal, orderId: string): Promise<Order> {
  const order = await findReachableOrder(em, principal, orderId);
  if (order.status !== 'DRAFT') throw conflict(`This order is ${order.status.toLowerCase()}, not a draft: only drafts can be changed.`);
  return order;
}
