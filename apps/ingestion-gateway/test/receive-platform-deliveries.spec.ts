import { MikroORM } from '@mikro-orm/core';
import { IntakeJobSchema, QueueNames } from '@portal/contracts';
import type { ConnectionSettings, IntakeJob, Platform } from '@portal/contracts';
import { AppError } from '@portal/service-kit';
import { ServiceUnderTest, startServiceForTest, testQueuePrefix } from '@portal/service-kit/testing';
import { Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { ClientView } from '../src/entities/client-view.entity';
import { ConnectionView } from '../src/entities/connection-view.entity';
import { StoredEvent } from '../src/entities/stored-event.entity';
import { ReceiveDelivery, type ReceiveAnswer } from '../src/hooks/receive-delivery.use-case';
import { fixture, shopifyDelivery, wooDelivery, wooPing } from './platform-support';
import { gatewayService } from '../src/ingestion-gateway.service';

describe('ReceiveDelivery for Shopify and WooCommerce (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let orm: MikroORM;
  let receive: ReceiveDelivery;
  let intake: Queue;
  const prefix = testQueuePrefix();
  const shopSecret = 'shpss_app_tests_0123456789abcdef';
  const wooSecret = 'wc_app_tests_0123456789abcdef';
  const courierId = uuidv7();
  const enabledClient = uuidv7();
  const disabledClient = uuidv7();

  beforeAll(async () => {
    service = await startServiceForTest(gatewayService, { label: 'gwp', queuePrefix: prefix, env: { GATEWAY_CACHE_TTL_MS: '0' } });
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

  async function connection(platform: Platform, settings: ConnectionSettings = {}, clientId = enabledClient): Promise<string> {
    const id = uuidv7();
    await orm.em.fork().insert(ConnectionView, {
      id,
      clientId,
      courierId,
      platform,
      settings,
      secrets: [{ secret: platform === 'shopify' ? shopSecret : wooSecret, expiresAt: null }],
      deleted: false,
      version: '1',
    });
    return id;
  }

  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: AppError) => ({ status: e.getStatus(), code: e.code }));

  /** The intake jobs (accepted and recorded) written for a connection, waiting for order management. */
  async function jobsFor(connectionId: string, count: number): Promise<IntakeJob[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const jobs = (await intake.getJobs(['waiting', 'prioritized', 'delayed'])).map((j) => IntakeJobSchema.parse(j.data)).filter((j) => j.connectionId === connectionId);
      if (jobs.length >= count || Date.now() > deadline) return jobs.sort((a, b) => a.eventId.localeCompare(b.eventId));
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const stored = (connectionId: string) => orm.em.fork().find(StoredEvent, { connectionId });

  describe('shopify', () => {
    it('accepts orders/create with its 64-bit id exact through the store and the outbox, once per event and per order', async () => {
      const conn = await connection('shopify');
      const body = fixture('shopify', 'order-64bit-ids.json');
      const first = await receive.execute(conn, shopifyDelivery(body, shopSecret, { eventId: 'evt-shopify-1' }));
      expect(first).toEqual({
        status: 202,
        body: { eventId: expect.any(String), status: 'accepted' },
        facts: { connectionId: conn, eventId: first.body.eventId, answer: 'accepted', type: 'order.created', externalOrderId: '820982911946154508' },
      });
      // Shopify resends one event with the same X-Shopify-Event-Id; a second event for the same order is a repeat too.
      const retry = await receive.execute(conn, shopifyDelivery(body, shopSecret, { eventId: 'evt-shopify-1' }));
      const otherEvent = await receive.execute(conn, shopifyDelivery(body, shopSecret, { eventId: 'evt-shopify-2' }));
      const repeat = { status: 200, body: { eventId: first.body.eventId, status: 'duplicate' }, facts: { ...first.facts, answer: 'duplicate' } };
      expect(retry).toEqual(repeat);
      expect(otherEvent).toEqual(repeat);

      const rows = await stored(conn);
      expect(rows.map((r) => [r.externalEventId, r.externalOrderId])).toEqual([['evt-shopify-1', '820982911946154508']]);
      expect(rows[0].body.toString('utf8')).toBe(body);
      expect(rows[0].headers).toMatchObject({ 'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': 'midtown-flowers.myshopify.com' });

      const jobs = await jobsFor(conn, 3);
      expect(jobs.map((j) => j.name === 'integration-event.accepted' ? 'accepted' : j.outcome).sort()).toEqual(['DUPLICATE', 'DUPLICATE', 'accepted']);
      const accepted = jobs.find((j) => j.name === 'integration-event.accepted');
      expect(accepted).toMatchObject({ eventId: first.body.eventId, platform: 'shopify', event: { id: 'evt-shopify-1', order: { externalId: '820982911946154508', reference: '#1001' } } });
    });

    it('ignores test and cancelled orders (200, recorded IGNORED under the answered id) and rejects an order without an address', async () => {
      const conn = await connection('shopify');
      const test = await receive.execute(conn, shopifyDelivery(fixture('shopify', 'order-test.json'), shopSecret));
      const cancelled = await receive.execute(conn, shopifyDelivery(fixture('shopify', 'order-cancelled.json'), shopSecret));
      const noAddress = await receive.execute(conn, shopifyDelivery(fixture('shopify', 'order-no-address.json'), shopSecret));
      // What the request's log line carries: the refusal's outcome and code, under the answered id.
      const ignored = (answer: ReceiveAnswer, externalOrderId: string, outcome: string, reasonCode: string): ReceiveAnswer => ({
        status: 200,
        body: { eventId: answer.body.eventId, status: 'ignored' },
        facts: { connectionId: conn, eventId: answer.body.eventId, answer: 'ignored', externalOrderId, outcome, reasonCode },
      });
      expect(test).toEqual(ignored(test, '5940124829701395232', 'IGNORED', 'TEST_ORDER'));
      expect(cancelled).toEqual(ignored(cancelled, '5940124829701395233', 'IGNORED', 'ORDER_CANCELLED'));
      expect(noAddress).toEqual(ignored(noAddress, '5940124829701395230', 'REJECTED', 'UNDELIVERABLE'));
      expect(await stored(conn)).toHaveLength(0);

      const jobs = await jobsFor(conn, 3);
      const byId = new Map(jobs.map((j) => [j.eventId, j]));
      expect(byId.get(test.body.eventId)).toMatchObject({ name: 'integration-event.recorded', outcome: 'IGNORED', externalOrderId: '5940124829701395232', reason: expect.stringContaining('test order') });
      expect(byId.get(cancelled.body.eventId)).toMatchObject({ outcome: 'IGNORED', externalOrderId: '5940124829701395233', reason: expect.stringContaining('cancelled') });
      expect(byId.get(noAddress.body.eventId)).toMatchObject({ outcome: 'REJECTED', externalOrderId: '5940124829701395230', reason: expect.stringContaining('no address to deliver to') });
    });

    it('refuses real orders for a client whose integrations are off (403), but still answers ignored deliveries 200', async () => {
      const conn = await connection('shopify', {}, disabledClient);
      expect(await refusal(receive.execute(conn, shopifyDelivery(fixture('shopify', 'order-64bit-ids.json'), shopSecret)))).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect((await receive.execute(conn, shopifyDelivery(fixture('shopify', 'order-test.json'), shopSecret))).status).toBe(200);
    });

    it('answers 401 for a bad signature, 415 for a non-JSON body, 400 for unreadable JSON', async () => {
      const conn = await connection('shopify');
      const body = fixture('shopify', 'order-64bit-ids.json');
      expect(await refusal(receive.execute(conn, shopifyDelivery(body, shopSecret, { secret: 'wrong-secret-wrong-secret' })))).toEqual({ status: 401, code: 'UNAUTHORIZED' });
      expect(await refusal(receive.execute(conn, shopifyDelivery(body, shopSecret, { contentType: 'application/x-www-form-urlencoded' })))).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(await refusal(receive.execute(conn, shopifyDelivery('{"id": 8209829119461545', shopSecret)))).toEqual({ status: 400, code: 'INVALID_JSON' });
    });
  });

  describe('woocommerce', () => {
    it('answers the creation ping 200 and records nothing, even before integrations are on', async () => {
      for (const conn of [await connection('woocommerce'), await connection('woocommerce', {}, disabledClient)]) {
        const ping = await receive.execute(conn, wooPing());
        expect(ping).toEqual({
          status: 200,
          body: { eventId: expect.any(String), status: 'ignored' },
          facts: { connectionId: conn, eventId: ping.body.eventId, answer: 'acknowledged', reason: expect.stringContaining('ping') },
        });
        expect(await stored(conn)).toHaveLength(0);
        await new Promise((r) => setTimeout(r, 200));
        expect(await jobsFor(conn, 0)).toHaveLength(0);
      }
    });

    it('stores two deliveries of one order with different delivery ids once', async () => {
      const conn = await connection('woocommerce');
      const body = fixture('woocommerce', 'order-created-processing.json');
      const [a, b] = await Promise.all([
        receive.execute(conn, wooDelivery(body, wooSecret, { deliveryId: 'delivery-1' })),
        receive.execute(conn, wooDelivery(body, wooSecret, { deliveryId: 'delivery-2' })),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 202]);
      expect(a.body.eventId).toBe(b.body.eventId);
      expect((await stored(conn)).map((r) => r.externalOrderId)).toEqual(['727']);
    });

    it('ignores a pending order.created; an order.updated into processing is a change that may build it; the same save twice is stored once', async () => {
      const conn = await connection('woocommerce');
      const pending = await receive.execute(conn, wooDelivery(fixture('woocommerce', 'order-created-pending.json'), wooSecret));
      expect(pending).toEqual({
        status: 200,
        body: { eventId: expect.any(String), status: 'ignored' },
        facts: { connectionId: conn, eventId: pending.body.eventId, answer: 'ignored', externalOrderId: '728', outcome: 'IGNORED', reasonCode: 'STATUS_NOT_CREATING' },
      });
      expect(await stored(conn)).toHaveLength(0);

      const processing = fixture('woocommerce', 'order-updated-processing.json');
      const updated = await receive.execute(conn, wooDelivery(processing, wooSecret, { topic: 'order.updated' }));
      expect(updated.status).toBe(202);
      // WooCommerce's delivery id is new on every attempt: the same save is recognised by what it shows.
      const again = await receive.execute(conn, wooDelivery(processing, wooSecret, { topic: 'order.updated' }));
      expect(again).toEqual({
        status: 200,
        body: { eventId: updated.body.eventId, status: 'duplicate' },
        facts: { connectionId: conn, eventId: updated.body.eventId, answer: 'duplicate', type: 'order.updated', externalOrderId: '728' },
      });
      // Another save within the same second is another change.
      const sameSecond = await receive.execute(conn, wooDelivery(fixture('woocommerce', 'order-updated-same-second.json'), wooSecret, { topic: 'order.updated' }));
      expect(sameSecond.status).toBe(202);
      const rows = await stored(conn);
      expect(rows.map((r) => [r.eventType, r.externalOrderId, r.externalEventId.replace(/:[0-9a-f]{12}$/, '')])).toEqual([
        ['order.updated', '728', 'order.updated:728:2026-11-24T17:30:02'],
        ['order.updated', '728', 'order.updated:728:2026-11-24T17:30:02'],
      ]);

      const jobs = await jobsFor(conn, 4);
      expect(jobs.find((j) => j.eventId === pending.body.eventId)).toMatchObject({ outcome: 'IGNORED', reasonCode: 'STATUS_NOT_CREATING', externalOrderId: '728', reason: expect.stringContaining('"pending"') });
      expect(jobs.find((j) => j.eventId === updated.body.eventId)).toMatchObject({
        name: 'integration-event.accepted',
        mayCreate: true,
        event: { type: 'order.updated', occurredAt: '2026-11-24T17:30:02Z', order: { externalId: '728', reference: '#728' } },
      });
    });

    it('applies the connection default weight only when set, and falls back to billing when shipping is empty', async () => {
      const plain = await connection('woocommerce');
      const weighted = await connection('woocommerce', { defaultWeight: { value: 3, unit: 'lb' } });
      const body = fixture('woocommerce', 'order-empty-shipping.json');
      const a = await receive.execute(plain, wooDelivery(body, wooSecret));
      const b = await receive.execute(weighted, wooDelivery(body, wooSecret));
      const [jobA] = await jobsFor(plain, 1);
      const [jobB] = await jobsFor(weighted, 1);
      expect(jobA).toMatchObject({ eventId: a.body.eventId, name: 'integration-event.accepted' });
      expect(jobB).toMatchObject({ eventId: b.body.eventId, name: 'integration-event.accepted', event: { order: { weight: { value: 3, unit: 'lb' } } } });
      if (jobA.name !== 'integration-event.accepted' || jobA.event.type === 'order.cancelled') throw new Error('expected an accepted create');
      expect(jobA.event.order.weight).toBeUndefined();
      expect(jobA.event.order.dropoff.address.line1).toBe('30 Rockefeller Plaza');
    });
  });
});
