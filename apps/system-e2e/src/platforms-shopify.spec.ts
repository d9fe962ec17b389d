import { ErrorBodySchema, OrderSchema } from '@portal/contracts';
import type { Client, ConnectionWithSecret, Order } from '@portal/contracts';
import { sleep } from './support/eventually';
import { createClient, createCourier, enableIntegrations, ordersFor, waitForLogEntry, waitForOrder, warehousePickup, type Courier } from './support/fixtures';
import { createPlatformConnection, expectAccepted, expectIgnored, platformFixture, sendShopify, whenConfigured, withOrderId } from './support/platform-deliveries';
import { startE2eSystem, type E2eSystem } from './support/system';

jest.setTimeout(120_000);

const SECRET = 'shpss_e2e_0123456789abcdef0123456789abcdef';

describe('Shopify connections (system)', () => {
  let sys: E2eSystem;
  let courier: Courier;
  let client: Client;
  let shop: ConnectionWithSecret;
  let firstOrder: Order;
  let firstEventId: string;

  beforeAll(async () => {
    sys = await startE2eSystem();
    courier = await createCourier(sys);
    client = await createClient(courier, { name: 'Midtown Flowers', timezone: 'America/New_York', units: 'kg', defaultPickup: warehousePickup() });
    await enableIntegrations(courier, client.id);
    shop = await createPlatformConnection(courier.api, client.id, {
      platform: 'shopify',
      name: 'midtown-flowers.myshopify.com',
      signingSecret: SECRET,
      settings: { windowKeys: { completeAfter: 'Delivery Window Start', completeBefore: 'Delivery Window End' } },
    });
  }, 180_000);

  afterAll(async () => {
    await sys?.stop();
  }, 60_000);

  const orders = () => sys.orders(courier.apiKey);
  const fixture = (name: string) => platformFixture('shopify', name);

  it('a shopify connection needs the signing secret Shopify issued', async () => {
    const res = await courier.api.post(`/v1/clients/${client.id}/connections`, { platform: 'shopify' });
    expect(res.status).toBe(400);
    expect(ErrorBodySchema.parse(res.body).error.details.map((d) => d.path)).toContain('signingSecret');
    expect(shop).toMatchObject({ platform: 'shopify', signingSecret: SECRET, webhookUrl: expect.stringContaining(`/v1/hooks/${shop.id}`) });
  });

  it('orders/create becomes a PLACED order with its 64-bit id exact, the shipping address, contact, note, name and weight', async () => {
    const eventId = 'c3a8e1f2-0b4d-4a67-9e1c-5d2f7b8a9c01';
    firstEventId = expectAccepted(await whenConfigured(() => sendShopify(shop, fixture('order-64bit-ids.json'), { eventId })));
    firstOrder = await waitForOrder(orders(), client.id, '820982911946154508');
    expect(OrderSchema.safeParse(firstOrder).success).toBe(true);
    expect(firstOrder).toMatchObject({
      status: 'PLACED',
      source: { connectionId: shop.id, platform: 'shopify', externalOrderId: '820982911946154508' },
      reference: '#1001',
      weight: { value: 1.35, unit: 'kg' },
      pieces: 3,
      dueBy: null,
    });
    expect(firstOrder.dropoff.address).toEqual({ line1: '1000 5th Ave', city: 'New York', region: 'NY', postalCode: '10028', country: 'US', location: { lat: 40.7794, lng: -73.9632 } });
    expect(firstOrder.dropoff.contact).toEqual({ name: 'Grace Hopper', phone: '555-555-SHIP', email: 'ada@example.com' });
    expect(firstOrder.dropoff.notes).toBe('Leave with the doorman if nobody answers');
    // Dropoff-only: the client's default pickup is used.
    expect(firstOrder.pickup?.address).toEqual(warehousePickup().address);

    const logged = await waitForLogEntry(orders(), client.id, (e) => e.id === firstEventId && e.outcome === 'PLACED');
    expect(logged).toMatchObject({ platform: 'shopify', externalEventId: eventId, externalOrderId: '820982911946154508', orderId: firstOrder.id });
  });

  it('a redelivery with the same X-Shopify-Event-Id, or a new event for the same order, creates nothing new', async () => {
    const retry = await sendShopify(shop, fixture('order-64bit-ids.json'), { eventId: 'c3a8e1f2-0b4d-4a67-9e1c-5d2f7b8a9c01' });
    const sameOrder = await sendShopify(shop, fixture('order-64bit-ids.json'));
    for (const res of [retry, sameOrder]) expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { eventId: firstEventId, status: 'duplicate' } });
    await waitForLogEntry(orders(), client.id, (e) => e.outcome === 'DUPLICATE' && e.externalOrderId === '820982911946154508' && e.orderId === firstOrder.id);
    await sleep(500);
    expect(await ordersFor(orders(), client.id, '820982911946154508')).toHaveLength(1);
  });

  it('total_weight 0: the weight is the items grams x quantity; nothing weighs anything: the weight is unknown', async () => {
    expectAccepted(await sendShopify(shop, fixture('order-total-weight-zero.json')));
    expectAccepted(await sendShopify(shop, fixture('order-no-weight.json')));
    const summed = await waitForOrder(orders(), client.id, '5940124829701395227');
    expect(summed).toMatchObject({ status: 'PLACED', weight: { value: 1.45, unit: 'kg' }, pieces: 3 });
    const unknown = await waitForOrder(orders(), client.id, '5940124829701395228');
    // A client without Rates and Services: placed directly, weight left unknown (PRODUCT 1.3, 1.4).
    expect(unknown).toMatchObject({ status: 'PLACED', weight: null, pieces: 3 });
  });

  it('a null shipping_address falls back to the billing address', async () => {
    expectAccepted(await sendShopify(shop, fixture('order-null-shipping-address.json')));
    const order = await waitForOrder(orders(), client.id, '5940124829701395229');
    expect(order.dropoff.address).toEqual({ line1: '350 5th Ave', line2: 'Fl 3', city: 'New York', region: 'NY', postalCode: '10118', country: 'US' });
    expect(order.dropoff.contact.name).toBe('Ada Lovelace');
  });

  it('the delivery window in note attributes, without offset, is read in the client timezone and gives Ready By and Due By', async () => {
    expectAccepted(await sendShopify(shop, fixture('order-note-attributes-window.json')));
    const order = await waitForOrder(orders(), client.id, '5940124829701395231');
    // 2026-11-25 14:00 and 17:30 in New York (EST, UTC-5).
    expect(order).toMatchObject({ status: 'PLACED', readyBy: '2026-11-25T19:00:00.000Z', dueBy: '2026-11-25T22:30:00.000Z' });
  });

  it('test and cancelled orders are answered 200 and recorded IGNORED; an order without any address is recorded REJECTED; none becomes an order', async () => {
    const test = expectIgnored(await sendShopify(shop, fixture('order-test.json')));
    const cancelled = expectIgnored(await sendShopify(shop, fixture('order-cancelled.json')));
    const noAddress = expectIgnored(await sendShopify(shop, fixture('order-no-address.json')));
    // orders/updated and orders/cancelled are read now (PRODUCT 1.5): a topic the gateway does not read stands for them.
    const otherTopic = expectIgnored(await sendShopify(shop, fixture('order-64bit-ids.json'), { topic: 'orders/fulfilled' }));
    expect(await waitForLogEntry(orders(), client.id, (e) => e.id === test)).toMatchObject({ outcome: 'IGNORED', reasonCode: 'TEST_ORDER', externalOrderId: '5940124829701395232', reason: expect.stringContaining('test order') });
    expect(await waitForLogEntry(orders(), client.id, (e) => e.id === cancelled)).toMatchObject({ outcome: 'IGNORED', externalOrderId: '5940124829701395233', reason: expect.stringContaining('cancelled') });
    expect(await waitForLogEntry(orders(), client.id, (e) => e.id === noAddress)).toMatchObject({ outcome: 'REJECTED', externalOrderId: '5940124829701395230', reason: expect.stringContaining('no address') });
    expect(await waitForLogEntry(orders(), client.id, (e) => e.id === otherTopic)).toMatchObject({ outcome: 'IGNORED', reasonCode: 'UNSUPPORTED_TOPIC', reason: expect.stringContaining('orders/fulfilled') });
    for (const id of ['5940124829701395232', '5940124829701395233', '5940124829701395230']) expect(await ordersFor(orders(), client.id, id)).toHaveLength(0);
  });

  it('refuses a delivery signed with another key (401) and keeps the previous key working after a rotation', async () => {
    const body = withOrderId(fixture('order-64bit-ids.json'), '820982911946154508', '820982911946154999');
    const bad = await sendShopify(shop, body, { signWith: 'not-the-shopify-key-0123456789' });
    expect(bad.status).toBe(401);
    expect(ErrorBodySchema.safeParse(bad.body).success).toBe(true);

    const rotated = await courier.api.post<ConnectionWithSecret>(`/v1/clients/${client.id}/connections/${shop.id}/rotate-secret`, { signingSecret: 'shpss_rotated_0123456789abcdef0123' });
    expect(rotated.status).toBe(200);
    // Signed with the new key once the rotation has reached the gateway; the old one still works in the grace period.
    const fresh = withOrderId(fixture('order-64bit-ids.json'), '820982911946154508', '820982911946155000');
    const viaNew = await whenConfigured(async () => {
      const res = await sendShopify(shop, fresh, { signWith: 'shpss_rotated_0123456789abcdef0123' });
      if (res.status === 401) return { ...res, status: 404 };
      return res;
    });
    expectAccepted(viaNew);
    expectAccepted(await sendShopify(shop, body, { signWith: SECRET }));
    expect((await waitForOrder(orders(), client.id, '820982911946154999')).source.externalOrderId).toBe('820982911946154999');
  });
});
