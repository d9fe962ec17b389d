import { OrderSchema } from '@portal/contracts';
import type { Client, ConnectionWithSecret, IntegrationEvent } from '@portal/contracts';
import { sleep } from './support/eventually';
import { createClient, createCourier, enableIntegrations, ordersFor, waitForLogEntry, waitForOrder, warehousePickup, type Courier } from './support/fixtures';
import { createPlatformConnection, expectAccepted, expectIgnored, platformFixture, sendWoo, sendWooPing, whenConfigured } from './support/platform-deliveries';
import { assignServices, createRateTable, createService, enableWithRule } from './support/rates-and-services';
import { startE2eSystem, type E2eSystem } from './support/system';

jest.setTimeout(120_000);

describe('WooCommerce connections (system)', () => {
  let sys: E2eSystem;
  let courier: Courier;
  let client: Client;
  /** Default settings: processing and on-hold create orders, no default weight. */
  let shop: ConnectionWithSecret;
  /** A default weight and delivery-window meta keys. */
  let weighted: ConnectionWithSecret;

  beforeAll(async () => {
    sys = await startE2eSystem();
    courier = await createCourier(sys);
    client = await createClient(courier, { name: 'Tulips', timezone: 'America/New_York', units: 'kg', defaultPickup: warehousePickup() });
    await enableIntegrations(courier, client.id);
    shop = await createPlatformConnection(courier.api, client.id, { platform: 'woocommerce', name: 'tulips.example' });
    weighted = await createPlatformConnection(courier.api, client.id, {
      platform: 'woocommerce',
      name: 'tulips.example (weighted)',
      settings: {
        defaultWeight: { value: 1.5, unit: 'kg' },
        windowKeys: { completeAfter: '_delivery_window_start', completeBefore: '_delivery_window_end' },
        pieces: { mode: 'FIXED', value: 1 },
      },
    });
  }, 180_000);

  afterAll(async () => {
    await sys?.stop();
  }, 60_000);

  const orders = () => sys.orders(courier.apiKey);
  const fixture = (name: string) => platformFixture('woocommerce', name);
  const logFor = async (connectionId: string): Promise<IntegrationEvent[]> =>
    (await orders().listAll<IntegrationEvent>('/v1/integration-events', { clientId: client.id })).filter((e) => e.connectionId === connectionId);

  it('a woocommerce connection gets a generated secret to paste into WooCommerce', () => {
    expect(shop).toMatchObject({ platform: 'woocommerce', webhookUrl: expect.stringContaining(`/v1/hooks/${shop.id}`) });
    expect(shop.signingSecret.length).toBeGreaterThanOrEqual(16);
  });

  it('answers the unsigned creation ping 200 and records nothing', async () => {
    const res = await whenConfigured(() => sendWooPing(shop));
    expectIgnored(res);
    expectIgnored(await whenConfigured(() => sendWooPing(weighted)));
  });

  it('order.created in processing becomes a PLACED order: shipping address, contact, note, #number, no weight', async () => {
    const eventId = expectAccepted(await whenConfigured(() => sendWoo(shop, fixture('order-created-processing.json'))));
    const order = await waitForOrder(orders(), client.id, '727');
    expect(OrderSchema.safeParse(order).success).toBe(true);
    expect(order).toMatchObject({
      status: 'PLACED',
      source: { connectionId: shop.id, platform: 'woocommerce', externalOrderId: '727' },
      reference: '#727',
      weight: null,
      pieces: 3,
    });
    expect(order.dropoff.address).toEqual({ line1: '285 Fulton St', line2: 'Suite 4200', city: 'New York', region: 'NY', postalCode: '10007', country: 'US' });
    expect(order.dropoff.contact).toEqual({ name: 'Alan Turing', phone: '+1 212 555 0123', email: 'katherine@example.com' });
    expect(order.dropoff.notes).toBe('Please call on arrival');
    expect(order.pickup?.address).toEqual(warehousePickup().address);
    expect(await waitForLogEntry(orders(), client.id, (e) => e.id === eventId && e.outcome === 'PLACED')).toMatchObject({ externalOrderId: '727', orderId: order.id });
  });

  it('deliveries of the same order with new delivery ids create one order; an order.updated of the same state changes nothing', async () => {
    const again = await sendWoo(shop, fixture('order-created-processing.json'), { deliveryId: 'retry-by-hand-1' });
    expect({ status: again.status, body: { status: again.body.status } }).toEqual({ status: 200, body: { status: 'duplicate' } });
    // An order.updated is a change of its own (PRODUCT 1.5): accepted, and order management finds nothing changed.
    const updated = expectAccepted(await sendWoo(shop, fixture('order-created-processing.json'), { topic: 'order.updated', deliveryId: 'retry-by-hand-2' }));
    expect(await waitForLogEntry(orders(), client.id, (e) => e.id === updated && e.outcome !== 'PENDING')).toMatchObject({ outcome: 'IGNORED', reasonCode: 'NO_CHANGE', eventType: 'order.updated' });
    await sleep(500);
    expect(await ordersFor(orders(), client.id, '727')).toHaveLength(1);
  });

  it('a pending order is IGNORED naming its status; the order.updated into processing creates it once', async () => {
    const ignored = expectIgnored(await sendWoo(shop, fixture('order-created-pending.json')));
    expect(await waitForLogEntry(orders(), client.id, (e) => e.id === ignored)).toMatchObject({
      outcome: 'IGNORED',
      externalOrderId: '728',
      reason: expect.stringContaining('"pending"'),
    });
    expect(await ordersFor(orders(), client.id, '728')).toHaveLength(0);

    expectAccepted(await sendWoo(shop, fixture('order-updated-processing.json'), { topic: 'order.updated' }));
    const repeat = await sendWoo(shop, fixture('order-updated-processing.json'), { topic: 'order.updated' });
    expect(repeat.status).toBe(200);
    const order = await waitForOrder(orders(), client.id, '728');
    expect(order).toMatchObject({ status: 'PLACED', reference: '#728' });
    await sleep(500);
    expect(await ordersFor(orders(), client.id, '728')).toHaveLength(1);
  });

  it('a checkout-draft order creates nothing', async () => {
    const id = expectIgnored(await sendWoo(shop, fixture('order-created-checkout-draft.json')));
    expect(await waitForLogEntry(orders(), client.id, (e) => e.id === id)).toMatchObject({ outcome: 'IGNORED', reason: expect.stringContaining('checkout-draft') });
  });

  it('shipping all empty: the billing address and name are used', async () => {
    expectAccepted(await sendWoo(shop, fixture('order-empty-shipping.json')));
    const order = await waitForOrder(orders(), client.id, '729');
    expect(order.dropoff.address).toEqual({ line1: '30 Rockefeller Plaza', city: 'New York', region: 'NY', postalCode: '10112', country: 'US' });
    expect(order.dropoff.contact).toEqual({ name: 'Katherine Johnson', phone: '(212) 555-0177', email: 'katherine@example.com' });
  });

  it('the default weight applies when set; meta-data windows without offset are read in the client timezone', async () => {
    expectAccepted(await whenConfigured(() => sendWoo(weighted, fixture('order-offsetless-window.json'))));
    const order = await waitForOrder(orders(), client.id, '730');
    // 2026-07-02 10:00 and 13:00 in New York (EDT, UTC-4), not the server's timezone.
    expect(order).toMatchObject({
      source: { connectionId: weighted.id },
      weight: { value: 1.5, unit: 'kg' },
      pieces: 1,
      readyBy: '2026-07-02T14:00:00.000Z',
      dueBy: '2026-07-02T17:00:00.000Z',
    });
  });

  it('for a client using Rates and Services: no weight makes a MISSING_WEIGHT Draft; the default weight gets it quoted and placed', async () => {
    const rsClient = await createClient(courier, { name: 'Tulips (rates)', timezone: 'America/New_York', units: 'kg', defaultPickup: warehousePickup() });
    const service = await createService(courier, { code: 'NEXT_DAY_WOO', name: 'Next day', sla: { type: 'NEXT_DAY', cutoff: '23:59' } });
    const table = await createRateTable(courier, { name: 'Flat', currency: 'USD', base: { method: 'FLAT', amount: 1200 } });
    await assignServices(courier, rsClient.id, [{ serviceId: service.id, rateTableId: table.id }]);
    await enableWithRule(courier, rsClient.id, 'CHEAPEST');
    const noWeight = await createPlatformConnection(courier.api, rsClient.id, { platform: 'woocommerce' });
    const withWeight = await createPlatformConnection(courier.api, rsClient.id, { platform: 'woocommerce', settings: { defaultWeight: { value: 2, unit: 'kg' } } });

    expectAccepted(await whenConfigured(() => sendWoo(noWeight, fixture('order-created-processing.json'))));
    expectAccepted(await whenConfigured(() => sendWoo(withWeight, fixture('order-empty-shipping.json'))));
    const draft = await waitForOrder(orders(), rsClient.id, '727');
    expect({ status: draft.status, weight: draft.weight, reasons: draft.draftReasons.map((r) => r.code) }).toEqual({ status: 'DRAFT', weight: null, reasons: ['MISSING_WEIGHT'] });
    const placed = await waitForOrder(orders(), rsClient.id, '729');
    expect(placed).toMatchObject({ status: 'PLACED', weight: { value: 2, unit: 'kg' }, pieces: 3, service: { code: 'NEXT_DAY_WOO', price: { amount: 1200, currency: 'USD' } } });
  });

  it('refuses a delivery with a wrong signature (401), and the pings left no trace in the event log', async () => {
    const bad = await sendWoo(shop, fixture('order-created-processing.json').replace('"id": 727', '"id": 799'), { signWith: 'not-the-webhook-secret-0123' });
    expect(bad.status).toBe(401);
    // The weighted connection received a ping and one order: its log shows the order only.
    expect((await logFor(weighted.id)).map((e) => e.externalOrderId)).toEqual(['730']);
    expect((await logFor(shop.id)).filter((e) => e.externalOrderId === null)).toEqual([]);
  });
});
