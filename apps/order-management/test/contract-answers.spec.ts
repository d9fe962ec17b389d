import { MikroORM } from '@mikro-orm/core';
import { IntegrationEventSchema, IntegrationSummarySchema, OrderSchema, pageOf, QuoteResultSchema } from '@portal/contracts';
import { hashApiKey } from '@portal/service-kit';
import { ServiceUnderTest, startServiceForTest } from '@portal/service-kit/testing';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { ApiKeyView } from '../src/entities/api-key-view.entity';
import { ClientView } from '../src/entities/client-view.entity';
import { CreateOrderUseCase } from '../src/intake/create-order.use-case';
import { orderManagementService } from '../src/order-management.service';

// Over HTTP, through the response check every app registers: each answer is exactly what its
// contract schema reads (uuids, UTC timestamps, nothing more, nothing less).
describe('order management answers as its contracts say (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let base: string;
  const key = 'cpk_contract-answers-courier-key';
  const clientId = uuidv7();
  const courierId = uuidv7();
  let orderId: string;

  beforeAll(async () => {
    service = await startServiceForTest(orderManagementService, { label: 'omcontract', http: true });
    base = service.url ?? '';
    const em = service.app.get(MikroORM).em.fork();
    await em.insert(ApiKeyView, { id: uuidv7(), keyHash: hashApiKey(key), courierId, clientId: null, revoked: false, version: '1' });
    await em.insert(ClientView, {
      id: clientId,
      courierId,
      timezone: 'America/New_York',
      defaultPickup: { address: { line1: '1 Dock', city: 'Newark', postalCode: '07102', country: 'US' }, contact: { name: 'Dock' } },
      serviceSelectionRule: null,
      usesRatesAndServices: false,
      version: '1',
    });
    const eventId = uuidv7();
    const placed = await service.app.get(CreateOrderUseCase).execute({
      v: 1,
      name: 'integration-event.accepted',
      eventId,
      connectionId: uuidv7(),
      clientId,
      courierId,
      platform: 'generic',
      receivedAt: '2026-11-24T16:00:00.000Z',
      deliveryId: eventId,
      replayOf: null,
      mayCreate: true,
      event: {
        id: `evt-${eventId}`,
        type: 'order.created',
        occurredAt: '2026-11-24T16:00:00Z',
        order: {
          externalId: 'C-1',
          dropoff: { address: { line1: '350 5th Ave', city: 'New York', postalCode: '10118', country: 'US' }, contact: { name: 'Ada' }, completeAfter: '2026-11-25T10:00:00', completeBefore: '2026-11-25T12:00:00' },
        },
      },
    });
    orderId = placed?.orderId ?? '';
  });

  afterAll(() => service?.stop());

  const call = async <S extends z.ZodType>(schema: S, method: string, path: string, body?: unknown): Promise<z.infer<S>> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const answer: unknown = await res.json();
    expect(res.status).toBeLessThan(300);
    expect(schema.parse(answer)).toEqual(answer);
    return schema.parse(answer);
  };

  it('answers orders, the event log, the integration summary and quote previews as their schemas read them', async () => {
    const page = await call(pageOf(OrderSchema), 'GET', '/v1/orders');
    expect(page.items.map((o) => o.id)).toEqual([orderId]);
    const order = await call(OrderSchema, 'GET', `/v1/orders/${orderId}`);
    expect(order).toMatchObject({ status: 'PLACED', readyBy: '2026-11-25T15:00:00.000Z', dueBy: '2026-11-25T17:00:00.000Z' });
    const log = await call(pageOf(IntegrationEventSchema), 'GET', `/v1/integration-events?clientId=${clientId}`);
    expect(log.items).toEqual([expect.objectContaining({ outcome: 'PLACED', orderId })]);
    const summary = await call(IntegrationSummarySchema, 'GET', '/v1/integration-summary');
    expect(summary.clients).toEqual([expect.objectContaining({ clientId, lastEventAt: '2026-11-24T16:00:00.000Z' })]);
    const preview = { clientId, order: { dropoff: { address: { line1: '350 5th Ave', city: 'New York', postalCode: '10118', country: 'US' }, contact: { name: 'Ada' } } } };
    expect(await call(QuoteResultSchema, 'POST', '/v1/quotes', preview)).toEqual({ quotes: [], pick: null, draftReasons: [] });
  });
});
