import { ErrorBodySchema, HookAnswerSchema, IntegrationSettingsSchema, OrderCreatedEventSchema, OrderSchema } from '@portal/contracts';
import type { IntegrationEvent, Order } from '@portal/contracts';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request, type ApiResponse } from './support/api';
import { eventually, sleep } from './support/eventually';
import {
  createClient,
  createCourier,
  createGenericConnection,
  enabledClientWithConnection,
  genericEvent,
  ordersFor,
  sendWhenConfigured,
  waitForLogEntry,
  waitForOrder,
  warehousePickup,
  type Courier,
  type EnabledClient,
} from './support/fixtures';
import { sendSigned } from './support/hooks';
import { SubscriberCollector } from './support/subscriber';
import { E2E_SUBSCRIBER, startE2eSystem, type E2eSystem } from './support/system';

jest.setTimeout(120_000);

const expectError = (res: ApiResponse, status: number): void => {
  expect({ status: res.status, body: res.body }).toMatchObject({ status });
  const parsed = ErrorBodySchema.safeParse(res.body);
  if (!parsed.success) throw new Error(`error body does not have the {error:{code,message,details}} shape: ${res.text}`);
};

const expectAccepted = (res: ApiResponse): string => {
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 202, body: { status: 'accepted' } });
  return HookAnswerSchema.parse(res.body).eventId;
};

const iso = (s: string): string => new Date(s).toISOString();

describe('generic integration intake (system)', () => {
  let sys: E2eSystem;
  let subscriber: SubscriberCollector;
  let courier: Courier;
  /** Integrations on, default pickup set. */
  let main: EnabledClient;
  /** Integrations on, no default pickup. */
  let noPickup: EnabledClient;

  beforeAll(async () => {
    sys = await startE2eSystem();
    subscriber = new SubscriberCollector(sys.system.redisUrl, sys.system.queuePrefix, E2E_SUBSCRIBER);
    await subscriber.ready();
    courier = await createCourier(sys);
    main = await enabledClientWithConnection(courier, { name: 'Main client', timezone: 'America/New_York', units: 'kg', defaultPickup: warehousePickup() });
    noPickup = await enabledClientWithConnection(courier, { name: 'No pickup client', timezone: 'America/New_York', units: 'kg' });
    // Wait until the gateway knows both connections and their enabled clients.
    expectAccepted(await sendWhenConfigured(main.connection, genericEvent({ externalId: `WARMUP-${randomUUID()}` })));
    expectAccepted(await sendWhenConfigured(noPickup.connection, genericEvent({ externalId: `WARMUP-${randomUUID()}` })));
  }, 180_000);

  afterAll(async () => {
    await subscriber?.close();
    await sys?.stop();
  }, 60_000);

  const orders = (): ReturnType<E2eSystem['orders']> => sys.orders(courier.apiKey);

  describe('enabling integrations', () => {
    it('refuses events for a disabled client with 403, records them as REJECTED, and accepts once enabled', async () => {
      const client = await createClient(courier, { name: 'Disabled at first' });
      const connection = await createGenericConnection(courier.api, client.id);
      const settings = await courier.api.get(`/v1/clients/${client.id}/integration-settings`);
      expect(settings.status).toBe(200);
      expect(IntegrationSettingsSchema.parse(settings.body)).toEqual({ orderCreationEnabled: false, serviceSelectionRule: null });

      const refusedEvent = genericEvent();
      // The connection may be unknown to the gateway for about a second (404); then it is refused (403).
      const refused = await eventually(async () => {
        const res = await sendSigned(connection.webhookUrl, connection.signingSecret, refusedEvent);
        expect(res.status).not.toBe(404);
        return res;
      }, 10_000);
      expectError(refused, 403);
      expect(refused.body.error.message.length).toBeGreaterThan(0);

      const logged = await waitForLogEntry(orders(), client.id, (e) => e.outcome === 'REJECTED');
      expect(logged).toMatchObject({
        connectionId: connection.id,
        clientId: client.id,
        platform: 'generic',
        externalOrderId: refusedEvent.order.externalId,
        orderId: null,
        outcome: 'REJECTED',
      });
      expect(typeof logged.reason).toBe('string');
      expect((logged.reason ?? '').length).toBeGreaterThan(0);
      const rejectedOnly = await orders().get('/v1/integration-events', { clientId: client.id, outcome: 'REJECTED' });
      expect(rejectedOnly.status).toBe(200);
      expect(rejectedOnly.body.items.map((e: IntegrationEvent) => e.id)).toContain(logged.id);
      expect(rejectedOnly.body.items.every((e: IntegrationEvent) => e.outcome === 'REJECTED')).toBe(true);
      expect(await ordersFor(orders(), client.id, refusedEvent.order.externalId)).toHaveLength(0);

      const put = await courier.api.put(`/v1/clients/${client.id}/integration-settings`, { orderCreationEnabled: true, serviceSelectionRule: null });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({ orderCreationEnabled: true, serviceSelectionRule: null });
      expect((await courier.api.get(`/v1/clients/${client.id}/integration-settings`)).body).toEqual({ orderCreationEnabled: true, serviceSelectionRule: null });

      const enabledAt = Date.now();
      const accepted = await eventually(async () => {
        const res = await sendSigned(connection.webhookUrl, connection.signingSecret, genericEvent());
        expect(res.status).toBe(202);
        return res;
      }, 5_000, 100);
      expectAccepted(accepted);
      expect(Date.now() - enabledAt).toBeLessThan(5_000);
    });
  });

  describe('orders from generic events', () => {
    let placed: Order;
    let placedEventId: string;

    it('a pickup + dropoff event becomes a PLACED order with times in UTC', async () => {
      const event = genericEvent({
        dropoff: { completeAfter: '2026-11-24T15:00:00-05:00', completeBefore: '2026-11-24T18:00:00-05:00' },
        pickup: {
          ...genericEvent().order.pickup!,
          completeAfter: '2026-11-24T13:00:00-05:00',
          completeBefore: '2026-11-24T14:30:00-05:00',
        },
      });
      const res = await sendSigned(main.connection.webhookUrl, main.connection.signingSecret, event);
      placedEventId = expectAccepted(res);

      placed = await waitForOrder(orders(), main.client.id, event.order.externalId);
      expect(OrderSchema.safeParse(placed).success).toBe(true);
      expect(placed).toMatchObject({
        clientId: main.client.id,
        courierId: courier.id,
        status: 'PLACED',
        source: { connectionId: main.connection.id, platform: 'generic', externalOrderId: event.order.externalId },
        readyBy: '2026-11-24T20:00:00.000Z',
        dueBy: '2026-11-24T23:00:00.000Z',
        service: null,
        draftReasons: [],
        weight: { value: 2.5, unit: 'kg' },
        pieces: 2,
        reference: 'e2e reference',
        notes: 'e2e order',
      });
      expect(placed.dropoff.address).toEqual(event.order.dropoff.address);
      expect(placed.dropoff.contact).toEqual(event.order.dropoff.contact);
      expect(placed.dropoff.notes).toBe('Ring twice');
      expect(iso(placed.dropoff.completeAfter!)).toBe('2026-11-24T20:00:00.000Z');
      expect(iso(placed.dropoff.completeBefore!)).toBe('2026-11-24T23:00:00.000Z');
      expect(placed.pickup).not.toBeNull();
      expect(placed.pickup!.address).toEqual(event.order.pickup!.address);
      expect(placed.pickup!.contact).toEqual(event.order.pickup!.contact);
      expect(placed.pickup!.notes).toBe('Ask at the counter');
      expect(iso(placed.pickup!.completeAfter!)).toBe('2026-11-24T18:00:00.000Z');
      expect(iso(placed.pickup!.completeBefore!)).toBe('2026-11-24T19:30:00.000Z');

      const byId = await orders().get(`/v1/orders/${placed.id}`);
      expect(byId.status).toBe(200);
      expect(byId.body).toEqual(placed);

      const logged = await waitForLogEntry(orders(), main.client.id, (e) => e.id === placedEventId && e.outcome !== 'PENDING');
      expect(logged).toMatchObject({
        id: placedEventId,
        connectionId: main.connection.id,
        clientId: main.client.id,
        platform: 'generic',
        externalOrderId: event.order.externalId,
        outcome: 'PLACED',
        orderId: placed.id,
      });
    });

    it('reads a dropoff time without offset in the client timezone (America/New_York)', async () => {
      const event = genericEvent({ dropoff: { completeAfter: '2026-11-25T10:00:00', completeBefore: '2026-11-25T13:30:00' } });
      expectAccepted(await sendSigned(main.connection.webhookUrl, main.connection.signingSecret, event));
      const order = await waitForOrder(orders(), main.client.id, event.order.externalId);
      expect(order.status).toBe('PLACED');
      expect(order.readyBy).toBe('2026-11-25T15:00:00.000Z');
      expect(order.dueBy).toBe('2026-11-25T18:30:00.000Z');
    });

    it('reads a local time in summer with the daylight-saving offset', async () => {
      const event = genericEvent({ dropoff: { completeAfter: '2026-07-01T09:15:00' } });
      expectAccepted(await sendSigned(main.connection.webhookUrl, main.connection.signingSecret, event));
      const order = await waitForOrder(orders(), main.client.id, event.order.externalId);
      expect(order.readyBy).toBe('2026-07-01T13:15:00.000Z');
      expect(order.dueBy).toBeNull();
    });

    it('without completeAfter/completeBefore: readyBy is when the event was received, dueBy null', async () => {
      const event = genericEvent();
      delete event.order.dropoff.completeAfter;
      delete event.order.dropoff.completeBefore;
      const before = Date.now();
      const eventId = expectAccepted(await sendSigned(main.connection.webhookUrl, main.connection.signingSecret, event));
      const after = Date.now();
      const order = await waitForOrder(orders(), main.client.id, event.order.externalId);
      expect(order.status).toBe('PLACED');
      expect(order.dueBy).toBeNull();
      expect(new Date(order.readyBy).toISOString()).toBe(order.readyBy);
      const readyBy = Date.parse(order.readyBy);
      expect(readyBy).toBeGreaterThanOrEqual(before - 1_000);
      expect(readyBy).toBeLessThanOrEqual(after + 1_000);
      const logged = await waitForLogEntry(orders(), main.client.id, (e) => e.id === eventId && e.outcome === 'PLACED');
      expect(Math.abs(Date.parse(logged.receivedAt) - readyBy)).toBeLessThanOrEqual(1_000);
      expect(order.dropoff.completeAfter).toBeNull();
      expect(order.dropoff.completeBefore).toBeNull();
    });

    it('a dropoff-only event takes the client default pickup', async () => {
      // Due By alone must lie after receipt (Ready By), whatever day the suite runs.
      const dueBy = new Date(Date.now() + 6 * 3600_000).toISOString();
      const event = genericEvent({ pickup: null, dropoff: { completeBefore: dueBy } });
      expect(event.order.pickup).toBeUndefined();
      expectAccepted(await sendSigned(main.connection.webhookUrl, main.connection.signingSecret, event));
      const order = await waitForOrder(orders(), main.client.id, event.order.externalId);
      const pickup = warehousePickup();
      expect(order.status).toBe('PLACED');
      expect(order.pickup).not.toBeNull();
      expect(order.pickup!.address).toEqual(pickup.address);
      expect(order.pickup!.contact).toEqual(pickup.contact);
      expect(order.dropoff.address).toEqual(event.order.dropoff.address);
      expect(order.dueBy).toBe(dueBy);
    });

    it('a dropoff-only event for a client without default pickup is accepted, then REJECTED about the pickup; no order', async () => {
      const event = genericEvent({ pickup: null });
      const eventId = expectAccepted(await sendSigned(noPickup.connection.webhookUrl, noPickup.connection.signingSecret, event));
      const logged = await waitForLogEntry(orders(), noPickup.client.id, (e) => e.id === eventId && e.outcome !== 'PENDING');
      expect(logged).toMatchObject({
        id: eventId,
        connectionId: noPickup.connection.id,
        externalOrderId: event.order.externalId,
        outcome: 'REJECTED',
        orderId: null,
      });
      expect(logged.reason).toMatch(/pickup/i);
      await sleep(500);
      expect(await ordersFor(orders(), noPickup.client.id, event.order.externalId)).toHaveLength(0);
      const all = await orders().listAll<Order>('/v1/orders');
      expect(all.filter((o) => o.source.externalOrderId === event.order.externalId)).toHaveLength(0);
    });

    it('an internal subscriber receives order.created for the placed order', async () => {
      const job = await eventually(() => {
        const jobs = subscriber.jobsForOrder(placed.id);
        expect(jobs.length).toBeGreaterThan(0);
        return jobs[0];
      }, 20_000);
      expect(job.name).toBe('order.created');
      const event = OrderCreatedEventSchema.parse(job.data);
      expect(event.type).toBe('order.created');
      expect(event.version).toBe(1);
      expect(event.id).toEqual(expect.any(String));
      expect(event.id.length).toBeGreaterThan(0);
      expect(event.id).not.toBe(placed.id);
      expect(event.order.id).toBe(placed.id);
      expect(event.order.status).toBe('PLACED');
      expect(event.order.source).toEqual(placed.source);
      expect(event.order.readyBy).toBe(placed.readyBy);
      expect(event.order.dueBy).toBe(placed.dueBy);
      expect(event.order.dropoff.address).toEqual(placed.dropoff.address);
      // Every event id is unique across orders.
      const all = subscriber.orderCreated();
      const byId = new Map<string, string>();
      for (const e of all) {
        const seen = byId.get(e.id);
        if (seen) expect(seen).toBe(e.order.id);
        byId.set(e.id, e.order.id);
      }
    });

    it('a rejected event emits no order.created', async () => {
      // Give the relay time; nothing for the no-pickup client may have gone out except its warm-up order.
      const placedForNoPickup = (await orders().listAll<Order>('/v1/orders', { clientId: noPickup.client.id })).filter((o) => o.status === 'PLACED');
      expect(placedForNoPickup).toHaveLength(1); // the warm-up order only
      await eventually(() => {
        const forNoPickup = subscriber.orderCreated().filter((e) => e.order.clientId === noPickup.client.id);
        expect(new Set(forNoPickup.map((e) => e.order.id))).toEqual(new Set(placedForNoPickup.map((o) => o.id)));
      }, 20_000);
      await sleep(1_000);
      const forNoPickup = subscriber.orderCreated().filter((e) => e.order.clientId === noPickup.client.id);
      expect(new Set(forNoPickup.map((e) => e.order.id))).toEqual(new Set(placedForNoPickup.map((o) => o.id)));
    });
  });

  describe('duplicates', () => {
    it('the same event sent five times at once: one 202, four 200 duplicates, one order, one order.created', async () => {
      const event = genericEvent();
      const raw = JSON.stringify(event);
      const answers = await Promise.all(Array.from({ length: 5 }, () => sendSigned(main.connection.webhookUrl, main.connection.signingSecret, raw)));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([200, 200, 200, 200, 202]);
      for (const a of answers) {
        const body = HookAnswerSchema.parse(a.body);
        expect(body.status).toBe(a.status === 202 ? 'accepted' : 'duplicate');
      }
      const acceptedId = answers.find((a) => a.status === 202)!.body.eventId;

      const order = await waitForOrder(orders(), main.client.id, event.order.externalId);
      await eventually(() => expect(subscriber.jobsForOrder(order.id).length).toBeGreaterThan(0), 20_000);
      await sleep(2_000);
      expect(await ordersFor(orders(), main.client.id, event.order.externalId)).toHaveLength(1);
      const jobs = subscriber.jobsForOrder(order.id);
      expect(jobs.map((j) => j.name)).toEqual(['order.created']);

      const logged = await waitForLogEntry(orders(), main.client.id, (e) => e.id === acceptedId && e.outcome === 'PLACED');
      expect(logged.orderId).toBe(order.id);

      // Another delivery id for the same external order is a duplicate of the business key.
      const again = genericEvent({ externalId: event.order.externalId });
      expect(again.id).not.toBe(event.id);
      const dup = await sendSigned(main.connection.webhookUrl, main.connection.signingSecret, again);
      expect({ status: dup.status, body: dup.body }).toMatchObject({ status: 200, body: { status: 'duplicate' } });
      // Every delivery is in the log: one PLACED row, and a DUPLICATE row for each of the five repeats.
      await eventually(async () => {
        const log = (await orders().listAll<IntegrationEvent>('/v1/integration-events', { clientId: main.client.id })).filter(
          (e) => e.externalOrderId === event.order.externalId,
        );
        expect(log.filter((e) => e.outcome === 'PLACED').map((e) => e.id)).toEqual([acceptedId]);
        const duplicates = log.filter((e) => e.outcome === 'DUPLICATE');
        expect(duplicates).toHaveLength(5);
        for (const d of duplicates) {
          expect(d).toMatchObject({ connectionId: main.connection.id, platform: 'generic' });
          expect((d.reason ?? '').length).toBeGreaterThan(0);
        }
        expect(log).toHaveLength(6);
      }, 20_000);
      await sleep(1_500);
      expect(await ordersFor(orders(), main.client.id, event.order.externalId)).toHaveLength(1);
      expect(subscriber.jobsForOrder(order.id)).toHaveLength(1);
    });

    it('the same external order id on another connection is a different order', async () => {
      const other = await createGenericConnection(courier.api, main.client.id);
      const externalId = `SHARED-${randomUUID()}`;
      expectAccepted(await sendSigned(main.connection.webhookUrl, main.connection.signingSecret, genericEvent({ externalId })));
      expectAccepted(await sendWhenConfigured(other, genericEvent({ externalId })));
      await eventually(async () => expect(await ordersFor(orders(), main.client.id, externalId)).toHaveLength(2), 20_000);
      const both = await ordersFor(orders(), main.client.id, externalId);
      expect(new Set(both.map((o) => o.source.connectionId))).toEqual(new Set([main.connection.id, other.id]));
    });
  });

  describe('logs', () => {
    it('logs each delivery on one line, its request line, with what became of it', async () => {
      const event = genericEvent();
      const raw = JSON.stringify(event);
      const eventId = expectAccepted(await sendSigned(main.connection.webhookUrl, main.connection.signingSecret, raw));
      const repeat = await sendSigned(main.connection.webhookUrl, main.connection.signingSecret, raw);
      expect(repeat.status).toBe(200);
      const file = sys.system.logFile('ingestion-gateway');
      if (!file) throw new Error('the system logs to files by default');
      const linesFor = (): Record<string, unknown>[] =>
        readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => line.includes(event.order.externalId))
          .map((line) => JSON.parse(line) as Record<string, unknown>);
      // Written asynchronously: wait for both lines, then check there is nothing else about them.
      const lines = await eventually(() => {
        const found = linesFor();
        expect(found).toHaveLength(2);
        return found;
      }, 10_000);
      const base = { level: 30, service: 'ingestion-gateway', connectionId: main.connection.id, type: 'order.created', externalOrderId: event.order.externalId, eventId, msg: 'request completed' };
      expect(lines[0]).toMatchObject({ ...base, answer: 'accepted', req: { method: 'POST', url: `/v1/hooks/${main.connection.id}` }, res: { statusCode: 202 } });
      expect(lines[1]).toMatchObject({ ...base, answer: 'duplicate', res: { statusCode: 200 } });
      expect(typeof lines[0].responseTime).toBe('number');
      // Signatures and payloads stay out of the logs.
      expect(JSON.stringify(lines)).not.toContain(main.connection.signingSecret);
      expect(JSON.stringify(lines)).not.toContain(event.order.dropoff.address.line1);
    });
  });

  describe('bad input at the gateway', () => {
    const url = (): string => main.connection.webhookUrl;
    const secret = (): string => main.connection.signingSecret;

    it('bad signature: 401', async () => {
      const event = genericEvent();
      expectError(await sendSigned(url(), secret(), event, { signWith: 'not-the-secret-at-all' }), 401);
      // A signature over a different body does not verify either.
      const { sign } = await import('./support/hooks');
      const res = await request('POST', url(), {
        body: JSON.stringify(event),
        headers: { 'content-type': 'application/json', 'x-signature': sign(secret(), JSON.stringify({ ...event, id: 'other' })) },
      });
      expectError(res, 401);
      await sleep(500);
      expect(await ordersFor(orders(), main.client.id, event.order.externalId)).toHaveLength(0);
    });

    it('missing X-Signature: 401', async () => {
      expectError(await sendSigned(url(), secret(), genericEvent(), { unsigned: true }), 401);
    });

    it('garbled X-Signature: 401', async () => {
      const res = await request('POST', url(), { body: JSON.stringify(genericEvent()), headers: { 'content-type': 'application/json', 'x-signature': 'v1=abc' } });
      expectError(res, 401);
    });

    it('stale timestamp (400 s ago) and future timestamp (400 s ahead): 401', async () => {
      const now = Math.floor(Date.now() / 1000);
      expectError(await sendSigned(url(), secret(), genericEvent(), { t: now - 400 }), 401);
      expectError(await sendSigned(url(), secret(), genericEvent(), { t: now + 400 }), 401);
      // Within tolerance is fine.
      expectAccepted(await sendSigned(url(), secret(), genericEvent(), { t: now - 120 }));
    });

    it('invalid body: 400 listing every problem with its field path', async () => {
      const event = genericEvent();
      const { city: _city, ...addressWithoutCity } = event.order.dropoff.address;
      const body = { ...event, order: { ...event.order, pieces: 0, dropoff: { ...event.order.dropoff, address: addressWithoutCity } } };
      const res = await sendSigned(url(), secret(), body);
      expectError(res, 400);
      const paths: string[] = res.body.error.details.map((d: { path: string }) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['order.dropoff.address.city', 'order.pieces']));
      for (const d of res.body.error.details) expect(d.message.length).toBeGreaterThan(0);
      await sleep(500);
      expect(await ordersFor(orders(), main.client.id, event.order.externalId)).toHaveLength(0);
    });

    it('unparseable JSON: 400', async () => {
      expectError(await sendSigned(url(), secret(), '{"id": "evt_1", "order": '), 400);
    });

    it('wrong content type: 415', async () => {
      expectError(await sendSigned(url(), secret(), JSON.stringify(genericEvent()), { contentType: 'text/plain' }), 415);
    });

    it('body over 1 MiB: 413', async () => {
      const event = genericEvent();
      const big = JSON.stringify({ ...event, padding: 'x'.repeat(1024 * 1024 + 10) });
      expectError(await sendSigned(url(), secret(), big), 413);
    });

    it('unknown connection id: 404', async () => {
      const base = new URL(main.connection.webhookUrl);
      const unknown = `${base.origin}/v1/hooks/${randomUUID()}`;
      expectError(await sendSigned(unknown, secret(), genericEvent()), 404);
      expectError(await sendSigned(`${base.origin}/v1/hooks/not-a-real-id`, secret(), genericEvent()), 404);
    });
  });

  describe('connection lifecycle', () => {
    it('after a secret rotation both the new and (during the grace period) the previous secret verify', async () => {
      const { connection } = await enabledClientWithConnection(courier, { name: 'Rotating client', defaultPickup: warehousePickup() });
      expectAccepted(await sendWhenConfigured(connection, genericEvent()));
      const rotated = await courier.api.post(`/v1/clients/${connection.clientId}/connections/${connection.id}/rotate-secret`, {});
      expect(rotated.status).toBe(200);
      expect(rotated.body).toMatchObject({ id: connection.id, webhookUrl: connection.webhookUrl });
      const newSecret: string = rotated.body.signingSecret;
      expect(newSecret).not.toBe(connection.signingSecret);
      await eventually(async () => expectAccepted(await sendSigned(connection.webhookUrl, newSecret, genericEvent())), 5_000);
      expectAccepted(await sendSigned(connection.webhookUrl, connection.signingSecret, genericEvent()));
      expectError(await sendSigned(connection.webhookUrl, 'an-unrelated-secret-value', genericEvent()), 401);
      const list = await courier.api.get(`/v1/clients/${connection.clientId}/connections`);
      expect(list.text).not.toContain(newSecret);
    });

    it('a deleted connection answers 404', async () => {
      const { connection } = await enabledClientWithConnection(courier, { name: 'Deleting client', defaultPickup: warehousePickup() });
      expectAccepted(await sendWhenConfigured(connection, genericEvent()));
      const del = await courier.api.delete(`/v1/clients/${connection.clientId}/connections/${connection.id}`);
      expect(del.status).toBe(204);
      const list = await courier.api.get(`/v1/clients/${connection.clientId}/connections`);
      expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(connection.id);
      await eventually(async () => expectError(await sendSigned(connection.webhookUrl, connection.signingSecret, genericEvent()), 404), 5_000);
    });
  });

  describe('orders API tenant scoping', () => {
    let mainOrder: Order;
    let siblingOrder: Order;

    beforeAll(async () => {
      const e1 = genericEvent();
      const e2 = genericEvent();
      expectAccepted(await sendSigned(main.connection.webhookUrl, main.connection.signingSecret, e1));
      expectAccepted(await sendSigned(noPickup.connection.webhookUrl, noPickup.connection.signingSecret, e2));
      // A few more for pagination.
      const more = [genericEvent(), genericEvent()];
      for (const e of more) expectAccepted(await sendSigned(main.connection.webhookUrl, main.connection.signingSecret, e));
      for (const e of more) await waitForOrder(orders(), main.client.id, e.order.externalId);
      mainOrder = await waitForOrder(orders(), main.client.id, e1.order.externalId);
      siblingOrder = await waitForOrder(orders(), noPickup.client.id, e2.order.externalId);
    }, 60_000);

    it("another courier's key gets 404 for the order and does not list it", async () => {
      const other = await createCourier(sys);
      const api = sys.orders(other.apiKey);
      // The new key reaches order management within about a second.
      const list = await eventually(async () => {
        const res = await api.get('/v1/orders');
        expect(res.status).toBe(200);
        return res;
      }, 10_000);
      expect(list.body).toEqual({ items: [], nextCursor: null });
      const get = await api.get(`/v1/orders/${mainOrder.id}`);
      expectError(get, 404);
      const byClient = await api.get('/v1/orders', { clientId: main.client.id });
      expect([200, 404]).toContain(byClient.status);
      if (byClient.status === 200) expect(byClient.body.items).toEqual([]);
      const events = await api.get('/v1/integration-events');
      expect(events.status).toBe(200);
      expect(events.body.items).toEqual([]);
    });

    it("a client key sees its own client's orders only", async () => {
      const key = await courier.api.post(`/v1/clients/${main.client.id}/api-keys`);
      expect(key.status).toBe(201);
      const api = sys.orders(key.body.apiKey);
      const own = await eventually(async () => {
        const res = await api.get(`/v1/orders/${mainOrder.id}`);
        expect(res.status).toBe(200);
        return res;
      }, 10_000);
      expect(own.body.id).toBe(mainOrder.id);
      const all = await api.listAll<Order>('/v1/orders');
      expect(all.length).toBeGreaterThan(0);
      expect(all.every((o) => o.clientId === main.client.id)).toBe(true);
      expect(all.map((o) => o.id)).toContain(mainOrder.id);
      expect(all.map((o) => o.id)).not.toContain(siblingOrder.id);
      expectError(await api.get(`/v1/orders/${siblingOrder.id}`), 404);
      const events = await api.listAll<IntegrationEvent>('/v1/integration-events');
      expect(events.every((e) => e.clientId === main.client.id)).toBe(true);
      // The courier sees both clients.
      const courierAll = await orders().listAll<Order>('/v1/orders');
      expect(courierAll.map((o) => o.id)).toEqual(expect.arrayContaining([mainOrder.id, siblingOrder.id]));
      const filtered = await orders().listAll<Order>('/v1/orders', { clientId: noPickup.client.id });
      expect(filtered.every((o) => o.clientId === noPickup.client.id)).toBe(true);
      expect(filtered.map((o) => o.id)).toContain(siblingOrder.id);
    });

    it('filters by status', async () => {
      const placedList = await orders().listAll<Order>('/v1/orders', { status: 'PLACED' });
      expect(placedList.length).toBeGreaterThan(0);
      expect(placedList.every((o) => o.status === 'PLACED')).toBe(true);
      expect(placedList.map((o) => o.id)).toContain(mainOrder.id);
      // No Rates and Services here: no drafts.
      const drafts = await orders().get('/v1/orders', { status: 'DRAFT' });
      expect(drafts.status).toBe(200);
      expect(drafts.body).toEqual({ items: [], nextCursor: null });
      const bad = await orders().get('/v1/orders', { status: 'SHIPPED' });
      expectError(bad, 400);
    });

    it('paginates newest first with limit and cursor', async () => {
      const all = await orders().listAll<Order>('/v1/orders', { clientId: main.client.id });
      expect(all.length).toBeGreaterThanOrEqual(3);
      expect(new Set(all.map((o) => o.id)).size).toBe(all.length);
      for (let i = 1; i < all.length; i++) expect(Date.parse(all[i - 1].createdAt)).toBeGreaterThanOrEqual(Date.parse(all[i].createdAt));

      const first = await orders().get('/v1/orders', { clientId: main.client.id, limit: 1 });
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.items[0].id).toBe(all[0].id);
      expect(typeof first.body.nextCursor).toBe('string');
      const second = await orders().get('/v1/orders', { clientId: main.client.id, limit: 1, cursor: first.body.nextCursor });
      expect(second.status).toBe(200);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.items[0].id).toBe(all[1].id);

      const walked: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 100; page++) {
        const res = await orders().get('/v1/orders', { clientId: main.client.id, limit: 2, cursor });
        expect(res.status).toBe(200);
        walked.push(...res.body.items.map((o: Order) => o.id));
        cursor = res.body.nextCursor ?? undefined;
        if (!cursor) break;
      }
      expect(walked).toEqual(all.map((o) => o.id));
    });

    it('answers 401 without a key and 404 for an unknown order id', async () => {
      expectError(await sys.orders().get('/v1/orders'), 401);
      expectError(await sys.orders('unknown-key').get('/v1/orders'), 401);
      expectError(await orders().get(`/v1/orders/${randomUUID()}`), 404);
    });
  });
});
