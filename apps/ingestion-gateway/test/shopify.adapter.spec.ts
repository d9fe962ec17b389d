import type { DeliveryReading } from '../src/platforms/platform-adapter';
import { ShopifyAdapter } from '../src/platforms/shopify/shopify.adapter';
import { connectionContext, eventOf, fixture, readLive, refusal, shopifyDelivery, stateEventOf } from './platform-support';

const secret = 'shpss_0123456789abcdef0123456789abcdef';
const adapter = new ShopifyAdapter();
const connection = connectionContext('shopify', {}, secret);

const read = (name: string, options: Parameters<typeof shopifyDelivery>[2] = {}, conn = connection): DeliveryReading =>
  readLive(adapter, shopifyDelivery(fixture('shopify', name), secret, options), conn);

describe('ShopifyAdapter', () => {
  it('keeps 64-bit ids exact: the order id is the text Shopify sent, never a rounded number', () => {
    const raw = fixture('shopify', 'order-64bit-ids.json');
    expect(JSON.parse(raw).id).toBe(820982911946154500); // what JSON.parse would have kept
    const reading = read('order-64bit-ids.json', { eventId: 'f8b1b8c2-6f0d-4d8e-9c5b-0a7e3c1d2e4f' });
    expect(reading).toMatchObject({ kind: 'event', externalOrderId: '820982911946154508', externalEventId: 'f8b1b8c2-6f0d-4d8e-9c5b-0a7e3c1d2e4f' });
    const event = stateEventOf(reading);
    expect(event.order.externalId).toBe('820982911946154508');
    expect(event.id).toBe('f8b1b8c2-6f0d-4d8e-9c5b-0a7e3c1d2e4f');
  });

  it('maps the order: shipping address, contact with a free-text phone, note, name as reference, weight, pieces', () => {
    const event = stateEventOf(read('order-64bit-ids.json'));
    expect(event).toEqual({
      id: expect.any(String),
      type: 'order.created',
      occurredAt: '2026-11-24T10:15:03-05:00',
      order: {
        externalId: '820982911946154508',
        reference: '#1001',
        dropoff: {
          address: { line1: '1000 5th Ave', city: 'New York', region: 'NY', postalCode: '10028', country: 'US', location: { lat: 40.7794, lng: -73.9632 } },
          contact: { name: 'Grace Hopper', phone: '555-555-SHIP', email: 'ada@example.com' },
          notes: 'Leave with the doorman if nobody answers',
        },
        weight: { value: 1.35, unit: 'kg' },
        pieces: 3,
      },
    });
  });

  it('uses X-Shopify-Webhook-Id when the event id header is absent', () => {
    expect(read('order-64bit-ids.json', { eventId: null, webhookId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043' })).toMatchObject({
      kind: 'event',
      externalEventId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    });
  });

  it('sums grams x quantity over the items that need shipping when total_weight is 0', () => {
    // 2 x 500 g + 1 x 450 g; the gift card (requires_shipping false, 100 g) counts for neither weight nor pieces.
    const event = stateEventOf(read('order-total-weight-zero.json'));
    expect(event.order.weight).toEqual({ value: 1.45, unit: 'kg' });
    expect(event.order.pieces).toBe(3);
  });

  it('leaves the weight unknown when nothing carries one, or uses the connection default weight', () => {
    expect(stateEventOf(read('order-no-weight.json')).order.weight).toBeUndefined();
    const withDefault = connectionContext('shopify', { defaultWeight: { value: 2, unit: 'lb' } }, secret);
    expect(stateEventOf(read('order-no-weight.json', {}, withDefault)).order.weight).toEqual({ value: 2, unit: 'lb' });
    // A weight the order carries wins over the default.
    expect(stateEventOf(read('order-64bit-ids.json', {}, withDefault)).order.weight).toEqual({ value: 1.35, unit: 'kg' });
  });

  it('counts pieces as the connection says: FIXED, NONE, or the item quantity by default', () => {
    expect(stateEventOf(read('order-64bit-ids.json', {}, connectionContext('shopify', { pieces: { mode: 'FIXED', value: 1 } }, secret))).order.pieces).toBe(1);
    expect(stateEventOf(read('order-64bit-ids.json', {}, connectionContext('shopify', { pieces: { mode: 'NONE' } }, secret))).order.pieces).toBeUndefined();
  });

  it('falls back to the billing address when shipping_address is null (and says so nowhere else)', () => {
    const event = stateEventOf(read('order-null-shipping-address.json'));
    expect(event.order.dropoff.address).toEqual({ line1: '350 5th Ave', line2: 'Fl 3', city: 'New York', region: 'NY', postalCode: '10118', country: 'US' });
    expect(event.order.dropoff.contact).toEqual({ name: 'Ada Lovelace', phone: '+12125550100', email: 'ada@example.com' });
  });

  it('falls back to the customer default address when billing is null too', () => {
    const body = JSON.parse(fixture('shopify', 'order-null-shipping-address.json').replace(/"id": (\d{16,})/g, '"id": "$1"')) as Record<string, unknown>;
    body.billing_address = null;
    (body.customer as Record<string, Record<string, unknown>>).default_address.address1 = '1 Customer Default Rd';
    const reading = readLive(adapter, shopifyDelivery(JSON.stringify(body), secret), connection);
    expect(stateEventOf(reading).order.dropoff.address.line1).toBe('1 Customer Default Rd');
  });

  it('rejects (recorded, answered 200) an order with no address anywhere', () => {
    const reading = read('order-no-address.json');
    expect(reading).toMatchObject({ kind: 'ignored', outcome: 'REJECTED', externalOrderId: '5940124829701395230' });
    expect(reading.kind === 'ignored' && reading.reason).toMatch(/shipping_address: is empty, and so are billing_address and customer\.default_address/);
  });

  it('reads the delivery window from the note attributes the settings name, leaving offset-less values offset-less', () => {
    const windowed = connectionContext('shopify', { windowKeys: { completeAfter: 'Delivery Window Start', completeBefore: 'delivery window end' } }, secret);
    const event = stateEventOf(read('order-note-attributes-window.json', {}, windowed));
    expect(event.order.dropoff.completeAfter).toBe('2026-11-25T14:00:00');
    expect(event.order.dropoff.completeBefore).toBe('2026-11-25T17:30:00');
    // A date alone spans that whole day.
    const dateOnly = connectionContext('shopify', { windowKeys: { completeAfter: 'Delivery Date', completeBefore: 'Delivery Date' } }, secret);
    const day = stateEventOf(read('order-note-attributes-window.json', {}, dateOnly));
    expect([day.order.dropoff.completeAfter, day.order.dropoff.completeBefore]).toEqual(['2026-11-25T00:00:00', '2026-11-25T23:59:59']);
    // Without window keys the attributes are not read.
    expect(stateEventOf(read('order-note-attributes-window.json')).order.dropoff.completeAfter).toBeUndefined();
  });

  it('rejects an order whose named window attribute cannot be read as a date-time, naming the attribute', () => {
    const body = fixture('shopify', 'order-note-attributes-window.json').replace('"2026-11-25 14:00"', '"Tuesday afternoon"');
    const windowed = connectionContext('shopify', { windowKeys: { completeAfter: 'Delivery Window Start' } }, secret);
    const reading = readLive(adapter, shopifyDelivery(body, secret), windowed);
    expect(reading).toMatchObject({ kind: 'ignored', outcome: 'REJECTED' });
    expect(reading.kind === 'ignored' && reading.reason).toContain('note_attributes[Delivery Window Start]: "Tuesday afternoon" is not a date-time');
  });

  it('ignores test orders, and creates of orders already cancelled, with a reason and its code', () => {
    expect(read('order-test.json')).toMatchObject({ kind: 'ignored', outcome: 'IGNORED', reasonCode: 'TEST_ORDER', externalOrderId: '5940124829701395232', reason: expect.stringContaining('test order') });
    expect(read('order-cancelled.json')).toMatchObject({ kind: 'ignored', outcome: 'IGNORED', reasonCode: 'ORDER_CANCELLED', externalOrderId: '5940124829701395233', reason: expect.stringContaining('cancelled') });
    // A test order's change or cancellation is ignored too.
    expect(read('order-test.json', { topic: 'orders/updated' })).toMatchObject({ kind: 'ignored', reasonCode: 'TEST_ORDER' });
    expect(read('order-test.json', { topic: 'orders/cancelled' })).toMatchObject({ kind: 'ignored', reasonCode: 'TEST_ORDER' });
  });

  it('ignores an order where nothing needs shipping', () => {
    expect(read('order-digital-only.json')).toMatchObject({ kind: 'ignored', outcome: 'IGNORED', reasonCode: 'NOTHING_TO_SHIP', reason: expect.stringContaining('needs shipping') });
  });

  it('ignores topics it does not read, naming the topic, and an absent topic', () => {
    expect(read('order-64bit-ids.json', { topic: 'orders/fulfilled' })).toMatchObject({
      kind: 'ignored',
      outcome: 'IGNORED',
      reasonCode: 'UNSUPPORTED_TOPIC',
      externalOrderId: '820982911946154508',
      reason: expect.stringContaining('"orders/fulfilled"'),
    });
    expect(read('order-64bit-ids.json', { topic: 'products/create' })).toMatchObject({ kind: 'ignored', externalOrderId: null });
    expect(read('order-64bit-ids.json', { topic: null })).toMatchObject({ kind: 'ignored', reason: expect.stringContaining('X-Shopify-Topic') });
  });

  it('verifies the HMAC over the raw bytes: re-serialised JSON, another secret or no header is 401', () => {
    const raw = fixture('shopify', 'order-64bit-ids.json');
    const compact = JSON.stringify(JSON.parse(raw));
    const signedCompact = shopifyDelivery(compact, secret);
    // The signature of the compact form does not cover the pretty-printed bytes.
    expect(refusal(() => readLive(adapter, { ...signedCompact, body: Buffer.from(raw) }, connection))).toEqual({ status: 401, code: 'UNAUTHORIZED' });
    expect(refusal(() => read('order-64bit-ids.json', { secret: 'another-secret-entirely' }))).toEqual({ status: 401, code: 'UNAUTHORIZED' });
    expect(refusal(() => read('order-64bit-ids.json', { signature: null }))).toEqual({ status: 401, code: 'UNAUTHORIZED' });
    expect(refusal(() => read('order-64bit-ids.json', { signature: 'not base64 at all' }))).toEqual({ status: 401, code: 'UNAUTHORIZED' });
  });

  it('accepts a rotated-out secret inside its grace period, not after', () => {
    const rotated = {
      ...connection,
      secrets: [
        { secret: 'new-secret-new-secret', expiresAt: null },
        { secret, expiresAt: new Date(Date.now() + 60_000).toISOString() },
        { secret: 'expired-secret-expired', expiresAt: new Date(Date.now() - 1).toISOString() },
      ],
    };
    expect(read('order-64bit-ids.json', {}, rotated).kind).toBe('event');
    expect(refusal(() => read('order-64bit-ids.json', { secret: 'expired-secret-expired' }, rotated))).toEqual({ status: 401, code: 'UNAUTHORIZED' });
  });

  it('refuses a non-JSON content type with 415, and answers 400 for unreadable JSON or a body that is not an order', () => {
    expect(refusal(() => read('order-64bit-ids.json', { contentType: 'text/plain' }))).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(readLive(adapter, shopifyDelivery('{"id": 1,', secret), connection)).toMatchObject({ kind: 'invalid', code: 'INVALID_JSON' });
    expect(readLive(adapter, shopifyDelivery('[1,2]', secret), connection)).toMatchObject({ kind: 'invalid', code: 'VALIDATION_FAILED' });
    expect(readLive(adapter, shopifyDelivery('{"name":"#1"}', secret), connection)).toMatchObject({ kind: 'invalid', code: 'VALIDATION_FAILED', details: [{ path: 'id' }] });
  });

  describe('after creation: orders/updated and orders/cancelled', () => {
    it('reads orders/updated as order.updated: the whole order as it now is, 64-bit id exact, keyed by X-Shopify-Event-Id, at updated_at', () => {
      const raw = fixture('shopify', 'orders-updated-address.json');
      expect(JSON.parse(raw).id).toBe(820982911946154500);
      const reading = read('orders-updated-address.json', { topic: 'orders/updated', eventId: '6f1a3b0e-2c47-4d89-b1a5-93e0c2d4f871' });
      expect(reading).toMatchObject({ kind: 'event', mayCreate: true, externalEventId: '6f1a3b0e-2c47-4d89-b1a5-93e0c2d4f871', externalOrderId: '820982911946154508' });
      const event = stateEventOf(reading);
      expect(event).toMatchObject({ id: '6f1a3b0e-2c47-4d89-b1a5-93e0c2d4f871', type: 'order.updated', occurredAt: '2026-11-24T10:40:12-05:00' });
      expect(event.order.externalId).toBe('820982911946154508');
      expect(event.order.dropoff.address).toEqual({ line1: '11 W 53rd St', line2: 'Staff entrance', city: 'New York', region: 'NY', postalCode: '10019', country: 'US', location: { lat: 40.7614, lng: -73.9776 } });
    });

    it('reads a tags-only update as the same order: deciding it changed nothing is order management\'s (NO_CHANGE)', () => {
      const address = stateEventOf(read('orders-updated-address.json', { topic: 'orders/updated' }));
      const tags = stateEventOf(read('orders-updated-tags-only.json', { topic: 'orders/updated' }));
      expect(tags.occurredAt).toBe('2026-11-24T10:52:30-05:00');
      expect(tags.order).toEqual(address.order);
    });

    it('reads orders/cancelled as order.cancelled with cancel_reason, at updated_at', () => {
      const reading = read('orders-cancelled.json', { topic: 'orders/cancelled', eventId: 'a3c9e8d2-5b71-4f06-8e2d-1c4b7a9f0e35' });
      expect(reading).toMatchObject({ kind: 'event', externalEventId: 'a3c9e8d2-5b71-4f06-8e2d-1c4b7a9f0e35', externalOrderId: '820982911946154508' });
      expect(eventOf(reading)).toEqual({
        id: 'a3c9e8d2-5b71-4f06-8e2d-1c4b7a9f0e35',
        type: 'order.cancelled',
        occurredAt: '2026-11-24T11:05:41-05:00',
        order: { externalId: '820982911946154508' },
        reason: 'customer',
      });
    });

    it('reads an orders/updated with cancelled_at set as a cancellation too (Shopify sends either)', () => {
      expect(eventOf(read('orders-updated-cancelled.json', { topic: 'orders/updated' }))).toMatchObject({
        type: 'order.cancelled',
        occurredAt: '2026-11-24T11:05:42-05:00',
        order: { externalId: '820982911946154508' },
        reason: 'inventory',
      });
    });

    it('cancels without an address: a cancellation needs only the order id', () => {
      expect(eventOf(read('order-no-address.json', { topic: 'orders/cancelled' }))).toMatchObject({ type: 'order.cancelled', order: { externalId: '5940124829701395230' } });
      expect(eventOf(read('order-no-address.json', { topic: 'orders/cancelled' }))).not.toHaveProperty('reason');
    });

    it('falls back to X-Shopify-Triggered-At when updated_at is absent or has no offset', () => {
      const body = fixture('shopify', 'orders-updated-address.json').replace('"updated_at": "2026-11-24T10:40:12-05:00",\n  "user_id"', '"updated_at": "2026-11-24T10:40:12",\n  "user_id"');
      const reading = readLive(adapter, shopifyDelivery(body, secret, { topic: 'orders/updated', triggeredAt: '2026-11-24T15:40:13.250Z' }), connection);
      expect(eventOf(reading).occurredAt).toBe('2026-11-24T15:40:13.250Z');
    });

    it('keys a change by its event id, a create by its order: two changes of one order are two events', () => {
      const first = read('orders-updated-address.json', { topic: 'orders/updated', eventId: 'e-1' });
      const second = read('orders-updated-tags-only.json', { topic: 'orders/updated', eventId: 'e-2' });
      expect([first, second].map((r) => r.kind === 'event' && [r.externalEventId, r.externalOrderId])).toEqual([
        ['e-1', '820982911946154508'],
        ['e-2', '820982911946154508'],
      ]);
      // Without either id header, a change is keyed by the state it shows.
      expect(read('orders-updated-address.json', { topic: 'orders/updated', eventId: null, webhookId: '' })).toMatchObject({
        externalEventId: 'orders/updated:820982911946154508:2026-11-24T10:40:12-05:00',
      });
    });

    it('rejects an update with no address anywhere, as a create would be', () => {
      expect(read('order-no-address.json', { topic: 'orders/updated' })).toMatchObject({ kind: 'ignored', outcome: 'REJECTED', reasonCode: 'UNDELIVERABLE' });
    });
  });
});
