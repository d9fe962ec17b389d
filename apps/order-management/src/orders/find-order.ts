import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound, Principal, resourceId } from '@portal/service-kit';
import { Order } from '../entities/order.entity';
import { tenantFilter } from '../tenant-filter';

/** The order, if the caller's key reaches it; otherwise 404, so ids of other tenants reveal nothing. */
export async function findReachableOrder(em: EntityManager, principal: Principal, orderId: string): Promise<Order> {
  const order = await em.fork().findOne(Order, { id: resourceId(orderId, 'Order'), ...tenantFilter(principal) });
  if (!order) throw notFound('Order');
  return order;
}
