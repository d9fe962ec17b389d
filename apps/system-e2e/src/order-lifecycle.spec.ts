import { OrderCancelledEventSchema, OrderUpdatedEventSchema } from '@portal/contracts';
import type { CanonicalOrderEvent, IntegrationEvent, Order, ReplayAccepted } from '@portal/contracts';
import { randomUUID } from 'node:crypto';
import { eventually, sleep } from './support/eventually';
import {
  createClient,
  createCourier,
  createGenericConnection,
  enableIntegrations,
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
import { createPlatformConnection, expectAccepted, expectIgnored, platformFixture, sendShopify, sendWoo, whenConfigured } from './support/platform-deliveries';
import { assignServices, createRateTable, createService, enableWithRule } from './support/rates-and-services';
import { SubscriberCollector } from './support/subscriber';
import { E2E_SUBSCRIBER, startE2eSystem, type E2eSystem } from './support/system';

jest.setTimeout(180_000);

/** A generic change of an order: the whole order as it now is (order.updated), at `occurredAt`. */
const genericUpdate = (created: CanonicalOrderEvent & { type: 'order.created' }, occurredAt: string, order: Partial<typeof created.order> = {}): CanonicalOrderEvent => ({
  id: `evt-${randomUUID()}`,
  type: 'order.updated',
  occurredAt,
  order: { ...created.order, ...order },
});
const genericCancel = (externalId: string, occurredAt: string, reason?: string): CanonicalOrderEvent => ({
  id: `evt-${randomUUID()}`,
  type: 'order.cancelled',
  occurredAt,
  order: { externalId },
  ...(reason ? { reason } : {}),
});
const later = (iso: string, seconds: number): string => new Date(Date.parse(iso) + seconds * 1000).toISOString();

// The stories of PRODUCT 1.5 and 2.3 end to end: all four apps, driven through HTTP, order events
// read by an internal service on the BullMQ transport.
describe('changed and cancelled orders, replays (system)', () => {
  let sys: E2eSystem;
  let subscriber: SubscriberCollector;
  let courier: Courier;
  /** Integrations on, default pickup set, no Rates and Services. */
  let main: EnabledClient;

  beforeAll(async () => {
    sys = await startE2eSystem();
    subscriber = new SubscriberCollector(sys.system.redisUrl, sys.system.queuePrefix, E2E_SUBSCRIBER);
    await subscriber.ready();
    courier = await createCourier(sys);
    main = await enabledClientWithConnection(courier, { name: 'Lifecycle client', timezone: 'America/New_York', units: 'kg', defaultPickup: warehousePickup() });
    expectAccepted(await sendWhenConfigured(main.connection, genericEvent({ externalId: `WARMUP-${randomUUID()}` })));
  }, 240_000);

  afterAll(async () => {
    await subscriber?.close();
    await sys?.stop();
  }, 60_000);

  const orders = () => sys.orders(courier.apiKey);
  /** The log entry of an event once it has an outcome. */
  const settled = (clientId: string, eventId: string): Promise<IntegrationEvent> => waitForLogEntry(orders(), clientId, (e) => e.id === eventId && e.outcome !== 'PENDING');
  const eventTypesFor = (orderId: string): string[] => subscriber.jobsForOrder(orderId).map((j) => j.name);
  const getOrder = async (orderId: string): Promise<Order> => (await orders().get<Order>(`/v1/orders/${orderId}`)).body;

  it('Shopify: created, its address changed (order.updated naming dropoff), tagged (IGNORED NO_CHANGE, nothing announced), cancelled (order.cancelled)', async () => {
    const client = await createClient(courier, { name: 'Midtown Flowers', defaultPickup: warehousePickup() });
    await enableIntegrations(courier, client.id);
    const shop = await createPlatformConnection(courier.api, client.id, { platform: 'shopify', signingSecret: 'shpss_lifecycle_0123456789abcdef0123' });
    const fixture = (name: string) => platformFixture('shopify', name);

    const created = expectAccepted(await whenConfigured(() => sendShopify(shop, fixture('order-64bit-ids.json'))));
    const order = await waitForOrder(orders(), client.id, '820982911946154508');
    expect((await settled(client.id, created)).outcome).toBe('PLACED');
    await eventually(() => expect(eventTypesFor(order.id)).toEqual(['order.created']));

    const address = expectAccepted(await sendShopify(shop, fixture('orders-updated-address.json'), { topic: 'orders/updated' }));
    expect(await settled(client.id, address)).toMatchObject({ outcome: 'UPDATED', orderId: order.id, eventType: 'order.updated' });
    const moved = await getOrder(order.id);
    expect(moved.dropoff.address).toEqual({ line1: '11 W 53rd St', line2: 'Staff entrance', city: 'New York', region: 'NY', postalCode: '10019', country: 'US', location: { lat: 40.7614, lng: -73.9776 } });
    expect(moved.readyBy).toBe(order.readyBy);
    const updates = await eventually(() => {
      const found = subscriber.jobsForOrder(order.id).filter((j) => j.name === 'order.updated');
      expect(found).toHaveLength(1);
      return found.map((j) => OrderUpdatedEventSchema.parse(j.data));
    });
    expect(updates[0]).toMatchObject({ changes: ['dropoff'], order: { dropoff: { address: { line1: '11 W 53rd St' } } } });

    const tags = expectAccepted(await sendShopify(shop, fixture('orders-updated-tags-only.json'), { topic: 'orders/updated' }));
    expect(await settled(client.id, tags)).toMatchObject({ outcome: 'IGNORED', reasonCode: 'NO_CHANGE', orderId: order.id });

    const cancelled = expectAccepted(await sendShopify(shop, fixture('orders-cancelled.json'), { topic: 'orders/cancelled' }));
    expect(await settled(client.id, cancelled)).toMatchObject({ outcome: 'CANCELLED', orderId: order.id, eventType: 'order.cancelled' });
    expect(await getOrder(order.id)).toMatchObject({ status: 'CANCELLED', cancellation: { by: 'integration', reason: 'customer' } });
    // The tags-only update announced nothing: created, updated once, cancelled.
    await eventually(() => expect(eventTypesFor(order.id)).toEqual(['order.created', 'order.updated', 'order.cancelled']));
    OrderCancelledEventSchema.parse(subscriber.jobsForOrder(order.id)[2].data);
    // The orders/updated Shopify also sends with cancelled_at set finds the order cancelled already.
    const alsoCancelled = expectAccepted(await sendShopify(shop, fixture('orders-updated-cancelled.json'), { topic: 'orders/updated' }));
    expect(await settled(client.id, alsoCancelled)).toMatchObject({ outcome: 'IGNORED', reasonCode: 'ORDER_CANCELLED' });
    expect(await ordersFor(orders(), client.id, '820982911946154508')).toHaveLength(1);
  });

  it('WooCommerce: an order pending (nothing), then processing (created), then cancelled', async () => {
    const client = await createClient(courier, { name: 'Tulips', defaultPickup: warehousePickup() });
    await enableIntegrations(courier, client.id);
    const shop = await createPlatformConnection(courier.api, client.id, { platform: 'woocommerce' });
    const fixture = (name: string) => platformFixture('woocommerce', name);

    const pending = expectIgnored(await whenConfigured(() => sendWoo(shop, fixture('order-created-pending.json'))));
    expect(await settled(client.id, pending)).toMatchObject({ outcome: 'IGNORED', reasonCode: 'STATUS_NOT_CREATING' });
    expect(await ordersFor(orders(), client.id, '728')).toHaveLength(0);

    const processing = expectAccepted(await sendWoo(shop, fixture('order-updated-processing.json'), { topic: 'order.updated' }));
    expect(await settled(client.id, processing)).toMatchObject({ outcome: 'PLACED', eventType: 'order.updated' });
    const order = await waitForOrder(orders(), client.id, '728');
    expect(order).toMatchObject({ status: 'PLACED', reference: '#728' });

    const cancelled = expectAccepted(await sendWoo(shop, fixture('order-updated-cancelled.json'), { topic: 'order.updated' }));
    expect(await settled(client.id, cancelled)).toMatchObject({ outcome: 'CANCELLED', orderId: order.id, eventType: 'order.cancelled' });
    expect(await getOrder(order.id)).toMatchObject({ status: 'CANCELLED', cancellation: { by: 'integration', reason: 'WooCommerce status "cancelled"' } });
    await eventually(() => expect(eventTypesFor(order.id)).toEqual(['order.created', 'order.cancelled']));
  });

  it('generic: an update that makes a placed Rates and Services order unquotable is REJECTED and the order stays as it was', async () => {
    const client = await createClient(courier, { name: 'Rates client', defaultPickup: warehousePickup() });
    const service = await createService(courier, { code: `LIGHT_${randomUUID().slice(0, 6)}`, name: 'Light parcels', sla: { type: 'NEXT_DAY', cutoff: '23:59' }, maxWeight: { value: 10, unit: 'kg' } });
    const table = await createRateTable(courier, { name: 'Flat', currency: 'USD', base: { method: 'FLAT', amount: 900 } });
    await assignServices(courier, client.id, [{ serviceId: service.id, rateTableId: table.id }]);
    await enableWithRule(courier, client.id, 'CHEAPEST');
    const connection = await createGenericConnection(courier.api, client.id);

    const event = genericEvent();
    expectAccepted(await sendWhenConfigured(connection, event));
    const placed = await eventually(async () => {
      const found = await waitForOrder(orders(), client.id, event.order.externalId);
      expect(found.status).toBe('PLACED');
      return found;
    }, 20_000);
    expect(placed.service).toMatchObject({ serviceId: service.id, price: { amount: 900, currency: 'USD' } });

    const heavy = genericUpdate(event, later(event.occurredAt, 60), { weight: { value: 50, unit: 'kg' } });
    const refused = expectAccepted(await sendSigned(connection.webhookUrl, connection.signingSecret, heavy));
    const entry = await settled(client.id, refused);
    expect(entry).toMatchObject({ outcome: 'REJECTED', orderId: placed.id, eventType: 'order.updated', reasonCode: expect.any(String) });
    expect(entry.reason).toContain('not applied');
    const now = await getOrder(placed.id);
    expect({ status: now.status, weight: now.weight, service: now.service }).toEqual({ status: 'PLACED', weight: placed.weight, service: placed.service });
    await sleep(500);
    expect(eventTypesFor(placed.id)).toEqual(['order.created']);
  });

  it('generic: twenty updates of one order, shuffled, duplicated and partly at once, leave it as the newest says, one order.updated per applied change', async () => {
    const event = genericEvent();
    expectAccepted(await sendWhenConfigured(main.connection, event));
    const order = await waitForOrder(orders(), main.client.id, event.order.externalId);
    const updates = Array.from({ length: 20 }, (_, i) => genericUpdate(event, later(event.occurredAt, i + 1), { dropoff: { ...event.order.dropoff, address: { ...event.order.dropoff.address, line1: `${i + 1} Shuffle St` } } }));
    const deliveries = shuffle([...updates, ...updates.slice(3, 11)], 7);
    const send = (e: CanonicalOrderEvent) => sendSigned(main.connection.webhookUrl, main.connection.signingSecret, e);
    // In groups of four at once: the same order's changes race in order management too.
    for (let i = 0; i < deliveries.length; i += 4) {
      const answers = await Promise.all(deliveries.slice(i, i + 4).map(send));
      for (const answer of answers) expect([200, 202]).toContain(answer.status);
    }

    const log = await eventually(async () => {
      const entries = (await orders().listAll<IntegrationEvent>('/v1/integration-events', { clientId: main.client.id })).filter((e) => updates.some((u) => u.id === e.externalEventId));
      const firsts = entries.filter((e) => e.outcome !== 'DUPLICATE');
      expect(firsts).toHaveLength(20);
      expect(firsts.every((e) => e.outcome !== 'PENDING')).toBe(true);
      expect(entries.filter((e) => e.outcome === 'DUPLICATE')).toHaveLength(8);
      return firsts;
    }, 30_000);
    expect(log.every((e) => e.outcome === 'UPDATED' || (e.outcome === 'IGNORED' && e.reasonCode === 'STALE'))).toBe(true);
    expect(log.find((e) => e.externalEventId === updates[19].id)?.outcome).toBe('UPDATED');
    expect((await getOrder(order.id)).dropoff.address.line1).toBe('20 Shuffle St');
    const applied = log.filter((e) => e.outcome === 'UPDATED').length;
    const announced = await eventually(() => {
      const found = subscriber.jobsForOrder(order.id).filter((j) => j.name === 'order.updated');
      expect(found).toHaveLength(applied);
      return found.map((j) => OrderUpdatedEventSchema.parse(j.data));
    });
    await sleep(500);
    expect(subscriber.jobsForOrder(order.id).filter((j) => j.name === 'order.updated')).toHaveLength(applied);
    expect(announced.map((e) => e.order.dropoff.address.line1)).toContain('20 Shuffle St');
    expect(await ordersFor(orders(), main.client.id, event.order.externalId)).toHaveLength(1);
  });

  it('replay: an event REJECTED for lack of a default pickup, the client gets one, the courier replays it, the order is placed', async () => {
    const { client, connection } = await enabledClientWithConnection(courier, { name: 'No pickup yet' });
    const event = genericEvent({ pickup: null });
    const rejected = expectAccepted(await sendWhenConfigured(connection, event));
    expect(await settled(client.id, rejected)).toMatchObject({ outcome: 'REJECTED', reasonCode: 'NO_PICKUP_ADDRESS' });
    expect(await ordersFor(orders(), client.id, event.order.externalId)).toHaveLength(0);

    expect((await courier.api.patch(`/v1/clients/${client.id}`, { defaultPickup: warehousePickup() })).status).toBe(200);
    // Order management knows the pickup once a new dropoff-only order is placed.
    await eventually(async () => {
      const probe = genericEvent({ pickup: null });
      const id = expectAccepted(await sendSigned(connection.webhookUrl, connection.signingSecret, probe));
      expect((await settled(client.id, id)).outcome).toBe('PLACED');
    }, 20_000, 500);
    // The secret is rotated meanwhile: a replay does not check the signature again.
    expect((await courier.api.post(`/v1/clients/${client.id}/connections/${connection.id}/rotate-secret`, {})).status).toBe(200);

    const replay = await orders().post<ReplayAccepted>(`/v1/integration-events/${rejected}/replay`);
    expect(replay.status).toBe(202);
    const replayed = await settled(client.id, replay.body.id);
    const order = await waitForOrder(orders(), client.id, event.order.externalId);
    expect(replayed).toMatchObject({ outcome: 'PLACED', replayOf: rejected, orderId: order.id, externalOrderId: event.order.externalId });
    expect(order.pickup?.address).toEqual(warehousePickup().address);
    // The log shows both; replaying the placed replay is refused, the original again replays nothing new.
    expect((await settled(client.id, rejected)).outcome).toBe('REJECTED');
    expect((await orders().post(`/v1/integration-events/${replay.body.id}/replay`)).status).toBe(409);
    const again = await orders().post<ReplayAccepted>(`/v1/integration-events/${rejected}/replay`);
    expect(again.status).toBe(202);
    expect(await settled(client.id, again.body.id)).toMatchObject({ outcome: 'DUPLICATE', replayOf: rejected, orderId: order.id });
    expect(await ordersFor(orders(), client.id, event.order.externalId)).toHaveLength(1);
  });

  it('replay: a delivery refused while integrations were off (403, kept) becomes an order once they are on', async () => {
    const client = await createClient(courier, { name: 'Off at first', defaultPickup: warehousePickup() });
    const connection = await createGenericConnection(courier.api, client.id);
    const event = genericEvent();
    // 404 until the connection reaches the gateway, then 403: integrations are off, recorded and kept.
    await eventually(async () => expect((await sendSigned(connection.webhookUrl, connection.signingSecret, event)).status).toBe(403), 10_000, 150);
    expect(await waitForLogEntry(orders(), client.id, (e) => e.externalEventId === event.id)).toMatchObject({ outcome: 'REJECTED', reasonCode: 'INTEGRATIONS_OFF' });

    await enableIntegrations(courier, client.id);
    // The gateway takes events for the client once the switch has reached it (the probe's own 403s
    // until then are recorded too: every refused delivery is).
    const probe = genericEvent();
    expectAccepted(await sendWhenConfigured(connection, probe));
    await waitForOrder(orders(), client.id, probe.order.externalId);
    const refused = (await orders().listAll<IntegrationEvent>('/v1/integration-events', { clientId: client.id })).filter((e) => e.reasonCode === 'INTEGRATIONS_OFF');
    const replay = await orders().post<{ replayed: number }>('/v1/integration-events/replay', { clientId: client.id, outcome: 'REJECTED', reasonCode: 'INTEGRATIONS_OFF' });
    expect(replay).toMatchObject({ status: 202, body: { replayed: refused.length } });
    const replays = await eventually(async () => {
      const entries = (await orders().listAll<IntegrationEvent>('/v1/integration-events', { clientId: client.id })).filter((e) => refused.some((r) => r.id === e.replayOf));
      expect(entries).toHaveLength(refused.length);
      expect(entries.every((e) => e.outcome !== 'PENDING')).toBe(true);
      return entries;
    }, 20_000);
    const order = await waitForOrder(orders(), client.id, event.order.externalId);
    // The event's replay places its order; the probe's copies find theirs placed already: one order each.
    expect(replays.filter((e) => e.outcome === 'PLACED').map((e) => [e.externalEventId, e.orderId])).toEqual([[event.id, order.id]]);
    expect(replays.filter((e) => e.outcome !== 'PLACED').every((e) => e.outcome === 'DUPLICATE' && e.externalEventId === probe.id)).toBe(true);
    expect(await ordersFor(orders(), client.id, event.order.externalId)).toHaveLength(1);
  });

  it('generic: an update that arrives before its create builds the order; a create after a cancellation creates nothing', async () => {
    const event = genericEvent();
    const early = genericUpdate(event, later(event.occurredAt, 30), { notes: 'changed before it was created' });
    const built = expectAccepted(await sendSigned(main.connection.webhookUrl, main.connection.signingSecret, early));
    expect(await settled(main.client.id, built)).toMatchObject({ outcome: 'PLACED', eventType: 'order.updated' });
    const createdLate = expectAccepted(await sendSigned(main.connection.webhookUrl, main.connection.signingSecret, event));
    const order = await waitForOrder(orders(), main.client.id, event.order.externalId);
    expect(await settled(main.client.id, createdLate)).toMatchObject({ outcome: 'DUPLICATE', orderId: order.id });
    expect(order.notes).toBe('changed before it was created');

    const gone = genericEvent();
    const cancelFirst = expectAccepted(await sendSigned(main.connection.webhookUrl, main.connection.signingSecret, genericCancel(gone.order.externalId, gone.occurredAt, 'customer changed their mind')));
    expect(await settled(main.client.id, cancelFirst)).toMatchObject({ outcome: 'CANCELLED', reasonCode: 'CANCELLED_BEFORE_CREATE', orderId: null });
    const createAfter = expectAccepted(await sendSigned(main.connection.webhookUrl, main.connection.signingSecret, gone));
    expect(await settled(main.client.id, createAfter)).toMatchObject({ outcome: 'IGNORED', reasonCode: 'ORDER_CANCELLED' });
    expect(await ordersFor(orders(), main.client.id, gone.order.externalId)).toHaveLength(0);
  });
});

/** A deterministic shuffle (Fisher-Yates over a seeded LCG), so a failure replays. */
function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
