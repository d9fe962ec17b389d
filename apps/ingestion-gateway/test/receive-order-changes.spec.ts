import { MikroORM } from '@mikro-orm/core';
import { IntakeJobSchema, QueueNames, signGenericPayload } from '@portal/contracts';
import type { IntakeJob, Platform } from '@portal/contracts';
import type { AppError } from '@portal/service-kit';
import { ServiceUnderTest, startServiceForTest, testQueuePrefix } from '@portal/service-kit/testing';
import { Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { ClientView } from '../src/entities/client-view.entity';
import { ConnectionView } from '../src/entities/connection-view.entity';
import { RefusedDelivery } from '../src/entities/refused-delivery.entity';
import { StoredEvent } from '../src/entities/stored-event.entity';
import { ReceiveDelivery } from '../src/hooks/receive-delivery.use-case';
import { gatewayService } from '../src/ingestion-gateway.service';
import { fixture, shopifyDelivery, wooDelivery } from './platform-support';

// Real PostgreSQL and Redis: changes and cancellations after creation (PRODUCT 1.5), how they are
// deduplicated next to creates, and refused deliveries kept for replays.
describe('ReceiveDelivery for changes, cancellations and refusals (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let orm: MikroORM;
  let receive: ReceiveDelivery;
  let intake: Queue;
  const prefix = testQueuePrefix();
  const secret = 'whsec_changes_tests_0123456789abcdef';
  const courierId = uuidv7();
  const enabledClient = uuidv7();
  const disabledClient = uuidv7();

  beforeAll(async () => {
    service = await startServiceForTest(gatewayService, { label: 'gwchg', queuePrefix: prefix, env: { GATEWAY_CACHE_TTL_MS: '0' } });
    orm = service.app.get(MikroORM);
    receive = service.app.get(ReceiveDelivery);
    intake = new Queue(QueueNames.orderIntake, { connection: { host: '127.0.0.1', port: 6379 }, prefix });
    await orm.em.fork().insertMany(ClientView, [
      { id: enabledClient, courierId, timezone: 'America/New_York', orderCreationEnabled: true, version: '1' },
      { id: disabledClient, courierId, timezone: 'America/New_York', orderCreationEnabled: false, version: '1' },
    ]);
  });

  afterAll(async () => {
    await intake?.obliterate({ force: true });
    await intake?.close();
    await service?.stop();
  });

  async function connection(platform: Platform, clientId = enabledClient): Promise<string> {
    const id = uuidv7();
    await orm.em.fork().insert(ConnectionView, { id, clientId, courierId, platform, settings: {}, secrets: [{ secret, expiresAt: null }], deleted: false, version: '1' });
    return id;
  }

  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: AppError) => ({ status: e.getStatus(), code: e.code }));
  const stored = (connectionId: string) => orm.em.fork().find(StoredEvent, { connectionId }, { orderBy: { id: 'asc' } });
  const kept = (connectionId: string) => orm.em.fork().find(RefusedDelivery, { connectionId }, { orderBy: { id: 'asc' } });

  async function jobsFor(connectionId: string, count: number): Promise<IntakeJob[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const jobs = (await intake.getJobs(['waiting', 'prioritized', 'delayed'])).map((j) => IntakeJobSchema.parse(j.data)).filter((j) => j.connectionId === connectionId);
      if (jobs.length >= count || Date.now() > deadline) return jobs.sort((a, b) => a.eventId.localeCompare(b.eventId));
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const generic = (body: object) => {
    const raw = JSON.stringify(body);
    return { headers: { 'content-type': 'application/json', 'x-signature': signGenericPayload(secret, raw) }, body: Buffer.from(raw), receivedAt: new Date() };
  };
  const order = (externalId: string, line1 = '1 Main St') => ({ externalId, dropoff: { address: { line1, city: 'Springfield', postalCode: '12345', country: 'US' }, contact: { name: 'Homer' } } });

  it('stores a Shopify order created, updated twice and cancelled as four events, each keyed by its own event id', async () => {
    const conn = await connection('shopify');
    const created = await receive.execute(conn, shopifyDelivery(fixture('shopify', 'order-64bit-ids.json'), secret, { eventId: 'ev-create' }));
    const address = await receive.execute(conn, shopifyDelivery(fixture('shopify', 'orders-updated-address.json'), secret, { topic: 'orders/updated', eventId: 'ev-address' }));
    const tags = await receive.execute(conn, shopifyDelivery(fixture('shopify', 'orders-updated-tags-only.json'), secret, { topic: 'orders/updated', eventId: 'ev-tags' }));
    const cancelled = await receive.execute(conn, shopifyDelivery(fixture('shopify', 'orders-cancelled.json'), secret, { topic: 'orders/cancelled', eventId: 'ev-cancel' }));
    for (const answer of [created, address, tags, cancelled]) expect(answer.status).toBe(202);

    // Shopify resends an update with its event id: a repeat of that update, not of the create.
    const resent = await receive.execute(conn, shopifyDelivery(fixture('shopify', 'orders-updated-address.json'), secret, { topic: 'orders/updated', eventId: 'ev-address' }));
    expect(resent).toEqual({
      status: 200,
      body: { eventId: address.body.eventId, status: 'duplicate' },
      facts: { connectionId: conn, eventId: address.body.eventId, answer: 'duplicate', type: 'order.updated', externalOrderId: '820982911946154508' },
    });
    // A second create of the same order, under a new event id, is a repeat of the create (the business key).
    const recreated = await receive.execute(conn, shopifyDelivery(fixture('shopify', 'order-64bit-ids.json'), secret, { eventId: 'ev-create-2' }));
    expect(recreated).toEqual({
      status: 200,
      body: { eventId: created.body.eventId, status: 'duplicate' },
      facts: { connectionId: conn, eventId: created.body.eventId, answer: 'duplicate', type: 'order.created', externalOrderId: '820982911946154508' },
    });

    expect((await stored(conn)).map((r) => [r.eventType, r.externalEventId, r.externalOrderId])).toEqual([
      ['order.created', 'ev-create', '820982911946154508'],
      ['order.updated', 'ev-address', '820982911946154508'],
      ['order.updated', 'ev-tags', '820982911946154508'],
      ['order.cancelled', 'ev-cancel', '820982911946154508'],
    ]);
    const jobs = await jobsFor(conn, 6);
    const byId = new Map(jobs.map((j) => [j.eventId, j]));
    expect(byId.get(address.body.eventId)).toMatchObject({ name: 'integration-event.accepted', mayCreate: true, event: { type: 'order.updated', occurredAt: '2026-11-24T10:40:12-05:00', order: { dropoff: { address: { line1: '11 W 53rd St' } } } } });
    expect(byId.get(cancelled.body.eventId)).toMatchObject({ event: { type: 'order.cancelled', reason: 'customer', order: { externalId: '820982911946154508' } } });
    expect(jobs.filter((j) => j.name === 'integration-event.recorded').map((j) => j.name === 'integration-event.recorded' && [j.outcome, j.reasonCode, j.duplicateOf])).toEqual(
      expect.arrayContaining([
        ['DUPLICATE', 'DUPLICATE', address.body.eventId],
        ['DUPLICATE', 'DUPLICATE', created.body.eventId],
      ]),
    );
  });

  it('stores five simultaneous copies of one update once', async () => {
    const conn = await connection('shopify');
    const body = fixture('shopify', 'orders-updated-address.json');
    const answers = await Promise.all(Array.from({ length: 5 }, () => receive.execute(conn, shopifyDelivery(body, secret, { topic: 'orders/updated', eventId: 'ev-same' }))));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 202]);
    expect(new Set(answers.map((a) => a.body.eventId)).size).toBe(1);
    expect(await stored(conn)).toHaveLength(1);
  });

  it('stores a WooCommerce cancellation (status cancelled) as order.cancelled, and a completed save as a change that never builds', async () => {
    const conn = await connection('woocommerce');
    const cancelled = await receive.execute(conn, wooDelivery(fixture('woocommerce', 'order-updated-cancelled.json'), secret, { topic: 'order.updated' }));
    const completed = await receive.execute(conn, wooDelivery(fixture('woocommerce', 'order-updated-completed.json'), secret, { topic: 'order.updated' }));
    expect([cancelled.status, completed.status]).toEqual([202, 202]);
    const jobs = await jobsFor(conn, 2);
    expect(jobs.find((j) => j.eventId === cancelled.body.eventId)).toMatchObject({ event: { type: 'order.cancelled', occurredAt: '2026-11-24T18:02:45Z', reason: 'WooCommerce status "cancelled"' } });
    expect(jobs.find((j) => j.eventId === completed.body.eventId)).toMatchObject({ mayCreate: false, event: { type: 'order.updated' } });
  });

  it('stores generic updates and cancellations on their event ids; an update may come before its create; an id reused is a repeat', async () => {
    const conn = await connection('generic');
    const at = '2026-11-24T15:00:00Z';
    const update = await receive.execute(conn, generic({ id: 'g-upd', type: 'order.updated', occurredAt: at, order: order('G-1', '2 Elm St') }));
    const create = await receive.execute(conn, generic({ id: 'g-new', type: 'order.created', occurredAt: at, order: order('G-1') }));
    const cancel = await receive.execute(conn, generic({ id: 'g-cxl', type: 'order.cancelled', occurredAt: at, order: { externalId: 'G-1' }, reason: 'customer changed their mind' }));
    expect([update.status, create.status, cancel.status]).toEqual([202, 202, 202]);
    const reused = await receive.execute(conn, generic({ id: 'g-new', type: 'order.updated', occurredAt: at, order: order('G-1', '3 Oak St') }));
    expect(reused).toEqual({
      status: 200,
      body: { eventId: create.body.eventId, status: 'duplicate' },
      facts: { connectionId: conn, eventId: create.body.eventId, answer: 'duplicate', type: 'order.updated', externalOrderId: 'G-1' },
    });
    expect((await stored(conn)).map((r) => r.eventType)).toEqual(['order.updated', 'order.created', 'order.cancelled']);
  });

  it('keeps every verified refusal with its bytes and reason code, for replays; unverified deliveries leave nothing', async () => {
    const shop = await connection('shopify');
    const off = await connection('generic', disabledClient);
    const testOrder = fixture('shopify', 'order-test.json');
    const ignored = await receive.execute(shop, shopifyDelivery(testOrder, secret));
    expect(await refusal(receive.execute(shop, shopifyDelivery('{"id": 8209829119461545', secret)))).toEqual({ status: 400, code: 'INVALID_JSON' });
    expect(await refusal(receive.execute(shop, shopifyDelivery(testOrder, secret, { secret: 'not-the-shop-secret-0123456789' })))).toEqual({ status: 401, code: 'UNAUTHORIZED' });
    expect(await refusal(receive.execute(off, generic({ id: 'g-off', type: 'order.created', occurredAt: '2026-11-24T15:00:00Z', order: order('OFF-1') })))).toEqual({ status: 403, code: 'FORBIDDEN' });

    const shopRows = await kept(shop);
    expect(shopRows.map((r) => [r.externalOrderId, r.body.toString('utf8').slice(0, 12)])).toEqual([
      ['5940124829701395232', testOrder.slice(0, 12)],
      [null, '{"id": 82098'],
    ]);
    expect(shopRows[0]).toMatchObject({ id: ignored.body.eventId, platform: 'shopify', headers: { 'x-shopify-topic': 'orders/create' } });
    expect(shopRows[0].body.toString('utf8')).toBe(testOrder);
    expect((await kept(off)).map((r) => r.externalEventId)).toEqual(['g-off']);

    const jobs = [...(await jobsFor(shop, 2)), ...(await jobsFor(off, 1))];
    expect(jobs.map((j) => j.name === 'integration-event.recorded' && [j.outcome, j.reasonCode, j.deliveryId === j.eventId])).toEqual(
      expect.arrayContaining([
        ['IGNORED', 'TEST_ORDER', true],
        ['REJECTED', 'INVALID_JSON', true],
        ['REJECTED', 'INTEGRATIONS_OFF', true],
      ]),
    );
    expect(jobs).toHaveLength(3);
  });
});
