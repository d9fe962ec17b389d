import type { OrderCreatedEvent } from '@portal/contracts';
import { randomUUID } from 'node:crypto';

const task = {
  address: { line1: '350 5th Ave', city: 'New York', postalCode: '10118', country: 'US' },
  contact: { name: 'Ada' },
  completeAfter: '2026-11-25T15:00:00.000Z',
  completeBefore: null,
  notes: null,
};

/** A valid `order.created` event as order management writes it; each call has its own event and order ids. */
export function orderCreatedEventForTest(): OrderCreatedEvent {
  const orderId = randomUUID();
  return {
    id: randomUUID(),
    type: 'order.created',
    version: 1,
    occurredAt: '2026-11-24T16:38:52.122Z',
    order: {
      id: orderId,
      clientId: randomUUID(),
      courierId: randomUUID(),
      status: 'PLACED',
      source: { connectionId: randomUUID(), platform: 'generic', externalOrderId: `A-${orderId.slice(0, 8)}` },
      reference: null,
      pickup: task,
      dropoff: task,
      readyBy: '2026-11-25T15:00:00.000Z',
      dueBy: null,
      weight: null,
      pieces: null,
      serviceCode: null,
      notes: null,
      service: null,
      draftReasons: [],
      cancellation: null,
      createdAt: '2026-11-24T16:38:52.000Z',
      updatedAt: '2026-11-24T16:38:52.000Z',
    },
  };
}
