import type { Order as OrderView } from '@portal/contracts';
import type { Order } from '../entities/order.entity';

export const toOrderView = (order: Order): OrderView => ({
  id: order.id,
  clientId: order.clientId,
  courierId: order.courierId,
  status: order.status,
  source: { connectionId: order.connectionId, platform: order.platform, externalOrderId: order.externalOrderId },
  reference: order.reference,
  pickup: order.pickup,
  dropoff: order.dropoff,
  readyBy: order.readyBy.toISOString(),
  dueBy: order.dueBy?.toISOString() ?? null,
  weight: order.weight,
  pieces: order.pieces,
  serviceCode: order.serviceCode,
  notes: order.notes,
  service: order.service,
  draftReasons: order.draftReasons,
  cancellation: order.cancellation,
  createdAt: order.createdAt.toISOString(),
  updatedAt: order.updatedAt.toISOString(),
});
