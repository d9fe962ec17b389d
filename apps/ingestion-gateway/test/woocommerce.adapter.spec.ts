import { createHash } from 'node:crypto';
import type { DeliveryReading } from '../src/platforms/platform-adapter';
import { WooCommerceAdapter } from '../src/platforms/woocommerce/woocommerce.adapter';
import { connectionContext, eventOf, fixture, readLive, refusal, stateEventOf, wooDelivery, wooPing } from './platform-support';

const secret = 'wc_secret_0123456789abcdef0123456789';
const adapter = new WooCommerceAdapter();
const connection = connectionContext('woocommerce', {}, secret);

const read = (name: string, options: Parameters<typeof wooDelivery>[2] = {}, conn = connection): DeliveryReading =>
  readLive(adapter, wooDelivery(fixture('woocommerce', name), secret, options), conn);
/** The first 12 hex digits of the SHA-256 of a fixture's bytes: the part of a delivery key that tells saves apart. */
const bodyHash = (name: string): string => createHash('sha256').update(fixture('woocommerce', name)).digest('hex').slice(0, 12);

describe('WooCommerceAdapter', () => {
  it('acknowledges the unsigned form-encoded creation ping without reading it as an order', () => {
    expect(adapter.verify(wooPing(), connection)).toEqual({ kind: 'handshake', reason: 'WooCommerce webhook 42 ping' });
  });

  it('refuses other form-encoded bodies with 415 and unsigned JSON with 401', () => {
    const notPing = { ...wooPing(), body: Buffer.from('webhook_id=42&order=1') };
    expect(refusal(() => readLive(adapter, notPing, connection))).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(refusal(() => read('order-created-processing.json', { signature: null }))).toEqual({ status: 401, code: 'UNAUTHORIZED' });
    expect(refusal(() => read('order-created-processing.json', { secret: 'not-the-webhook-secret' }))).toEqual({ status: 401, code: 'UNAUTHORIZED' });
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
    expect(read('order-created-processing.json', {}, rotated).kind).toBe('event');
    expect(read('order-created-processing.json', { secret: 'new-secret-new-secret' }, rotated).kind).toBe('event');
    expect(refusal(() => read('order-created-processing.json', { secret: 'expired-secret-expired' }, rotated))).toEqual({ status: 401, code: 'UNAUTHORIZED' });
  });

  it('maps a processing order: shipping address, names, phones, email, note, #number, occurredAt in UTC', () => {
    const key = `order.created:727:2026-11-24T15:42:14:${bodyHash('order-created-processing.json')}`;
    const reading = read('order-created-processing.json');
    expect(reading).toMatchObject({ kind: 'event', externalOrderId: '727', externalEventId: key, mayCreate: true });
    expect(stateEventOf(reading)).toEqual({
      id: key,
      type: 'order.created',
      // date_modified_gmt, the time of the state shown, is UTC written without a Z.
      occurredAt: '2026-11-24T15:42:14Z',
      order: {
        externalId: '727',
        reference: '#727',
        dropoff: {
          address: { line1: '285 Fulton St', line2: 'Suite 4200', city: 'New York', region: 'NY', postalCode: '10007', country: 'US' },
          contact: { name: 'Alan Turing', phone: '+1 212 555 0123', email: 'katherine@example.com' },
          notes: 'Please call on arrival',
        },
        pieces: 3,
      },
    });
  });

  it('uses the same event id for two deliveries of one order with different delivery ids', () => {
    const first = read('order-created-processing.json', { deliveryId: 'a1' });
    const second = read('order-created-processing.json', { deliveryId: 'b2' });
    expect(first.kind === 'event' && second.kind === 'event').toBe(true);
    const key = `order.created:727:2026-11-24T15:42:14:${bodyHash('order-created-processing.json')}`;
    expect([first, second].map((r) => (r.kind === 'event' ? [r.externalEventId, r.externalOrderId] : null))).toEqual([
      [key, '727'],
      [key, '727'],
    ]);
  });

  it('falls back to billing when shipping is all empty strings', () => {
    const event = stateEventOf(read('order-empty-shipping.json'));
    expect(event.order.dropoff.address).toEqual({ line1: '30 Rockefeller Plaza', city: 'New York', region: 'NY', postalCode: '10112', country: 'US' });
    expect(event.order.dropoff.contact).toEqual({ name: 'Katherine Johnson', phone: '(212) 555-0177', email: 'katherine@example.com' });
  });

  it('rejects an order without any address', () => {
    const body = JSON.parse(fixture('woocommerce', 'order-empty-shipping.json')) as { billing: Record<string, string> };
    body.billing.address_1 = '';
    const reading = readLive(adapter, wooDelivery(JSON.stringify(body), secret), connection);
    expect(reading).toMatchObject({ kind: 'ignored', outcome: 'REJECTED', externalOrderId: '729', reason: expect.stringContaining('shipping.address_1: is empty') });
  });

  it('gates on status: pending is ignored naming the status, and the order.updated into processing is read then', () => {
    const pending = read('order-created-pending.json');
    expect(pending).toMatchObject({ kind: 'ignored', outcome: 'IGNORED', reasonCode: 'STATUS_NOT_CREATING', externalOrderId: '728' });
    expect(pending.kind === 'ignored' && pending.reason).toMatch(/Status "pending" creates no order on this connection \(it creates orders in: processing, on-hold\)/);
    const updated = read('order-updated-processing.json', { topic: 'order.updated' });
    expect(updated).toMatchObject({ kind: 'event', mayCreate: true, externalOrderId: '728', externalEventId: `order.updated:728:2026-11-24T17:30:02:${bodyHash('order-updated-processing.json')}` });
    expect(stateEventOf(updated)).toMatchObject({ type: 'order.updated', occurredAt: '2026-11-24T17:30:02Z' });
    expect(read('order-created-checkout-draft.json')).toMatchObject({ kind: 'ignored', reason: expect.stringContaining('"checkout-draft"') });
  });

  it('uses the connection createOnStatuses', () => {
    const pendingToo = connectionContext('woocommerce', { createOnStatuses: ['pending', 'processing'] }, secret);
    expect(read('order-created-pending.json', {}, pendingToo).kind).toBe('event');
    const completedOnly = connectionContext('woocommerce', { createOnStatuses: ['completed'] }, secret);
    expect(read('order-created-processing.json', {}, completedOnly)).toMatchObject({ kind: 'ignored', reason: expect.stringContaining('completed') });
  });

  it('ignores other topics', () => {
    expect(read('order-created-processing.json', { topic: 'order.deleted' })).toMatchObject({ kind: 'ignored', outcome: 'IGNORED', reasonCode: 'UNSUPPORTED_TOPIC', reason: expect.stringContaining('"order.deleted"') });
    expect(read('order-created-processing.json', { topic: 'product.created' })).toMatchObject({ kind: 'ignored', externalOrderId: null });
  });

  it('has no weight unless the connection sets a default weight', () => {
    expect(stateEventOf(read('order-created-processing.json')).order.weight).toBeUndefined();
    const withDefault = connectionContext('woocommerce', { defaultWeight: { value: 1.5, unit: 'kg' } }, secret);
    expect(stateEventOf(read('order-created-processing.json', {}, withDefault)).order.weight).toEqual({ value: 1.5, unit: 'kg' });
  });

  it('reads windows from meta_data under the named keys, offset-less values staying offset-less; occurredAt from date_modified_gmt as UTC', () => {
    const windowed = connectionContext('woocommerce', { windowKeys: { completeAfter: '_delivery_window_start', completeBefore: '_delivery_window_end' } }, secret);
    const event = stateEventOf(read('order-offsetless-window.json', {}, windowed));
    expect(event.occurredAt).toBe('2026-07-01T13:15:03Z');
    expect(event.order.dropoff.completeAfter).toBe('2026-07-02T10:00:00');
    expect(event.order.dropoff.completeBefore).toBe('2026-07-02T13:00:00');
    const byDate = connectionContext('woocommerce', { windowKeys: { completeAfter: '_delivery_date', completeBefore: '_delivery_date' } }, secret);
    const day = stateEventOf(read('order-offsetless-window.json', {}, byDate));
    expect([day.order.dropoff.completeAfter, day.order.dropoff.completeBefore]).toEqual(['2026-07-02T00:00:00', '2026-07-02T23:59:59']);
  });

  it('reads a Unix timestamp window value as UTC', () => {
    const body = fixture('woocommerce', 'order-offsetless-window.json').replace('"value": "2026-07-02 10:00"', '"value": 1782997200');
    const windowed = connectionContext('woocommerce', { windowKeys: { completeAfter: '_delivery_window_start' } }, secret);
    expect(stateEventOf(readLive(adapter, wooDelivery(body, secret), windowed)).order.dropoff.completeAfter).toBe(new Date(1782997200 * 1000).toISOString());
  });

  it('counts pieces per the settings', () => {
    expect(stateEventOf(read('order-created-processing.json', {}, connectionContext('woocommerce', { pieces: { mode: 'FIXED', value: 2 } }, secret))).order.pieces).toBe(2);
    expect(stateEventOf(read('order-created-processing.json', {}, connectionContext('woocommerce', { pieces: { mode: 'NONE' } }, secret))).order.pieces).toBeUndefined();
  });

  it('answers 415 for a non-JSON delivery and 400 for unreadable JSON', () => {
    expect(refusal(() => read('order-created-processing.json', { contentType: 'text/plain' }))).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(readLive(adapter, wooDelivery('{"id":', secret), connection)).toMatchObject({ kind: 'invalid', code: 'INVALID_JSON' });
  });

  describe('after creation: order.updated', () => {
    it('cancels when the status moves into cancelOnStatuses (default cancelled, refunded, failed), at date_modified_gmt as UTC', () => {
      const reading = read('order-updated-cancelled.json', { topic: 'order.updated' });
      expect(reading).toMatchObject({ kind: 'event', externalOrderId: '728', externalEventId: `order.updated:728:2026-11-24T18:02:45:${bodyHash('order-updated-cancelled.json')}` });
      expect(eventOf(reading)).toEqual({
        id: `order.updated:728:2026-11-24T18:02:45:${bodyHash('order-updated-cancelled.json')}`,
        type: 'order.cancelled',
        occurredAt: '2026-11-24T18:02:45Z',
        order: { externalId: '728' },
        reason: 'WooCommerce status "cancelled"',
      });
      for (const status of ['refunded', 'failed']) {
        const body = fixture('woocommerce', 'order-updated-cancelled.json').replace('"status": "cancelled"', `"status": "${status}"`);
        expect(eventOf(readLive(adapter, wooDelivery(body, secret, { topic: 'order.updated' }), connection))).toMatchObject({ type: 'order.cancelled', reason: `WooCommerce status "${status}"` });
      }
    });

    it('uses the connection cancelOnStatuses, and a status in both lists cancels', () => {
      const refundsKept = connectionContext('woocommerce', { cancelOnStatuses: ['cancelled'] }, secret);
      const refunded = fixture('woocommerce', 'order-updated-cancelled.json').replace('"status": "cancelled"', '"status": "refunded"');
      expect(stateEventOf(readLive(adapter, wooDelivery(refunded, secret, { topic: 'order.updated' }), refundsKept))).toMatchObject({ type: 'order.updated' });
      const both = connectionContext('woocommerce', { createOnStatuses: ['processing'], cancelOnStatuses: ['processing'] }, secret);
      expect(eventOf(read('order-updated-processing.json', { topic: 'order.updated' }, both))).toMatchObject({ type: 'order.cancelled' });
    });

    it('reads an update in a status that neither creates nor cancels as a change that never builds an order (mayCreate false)', () => {
      const reading = read('order-updated-completed.json', { topic: 'order.updated' });
      expect(reading).toMatchObject({ kind: 'event', mayCreate: false, externalOrderId: '728' });
      expect(stateEventOf(reading)).toMatchObject({ type: 'order.updated', occurredAt: '2026-11-24T21:10:00Z', order: { externalId: '728', reference: '#728' } });
      expect(read('order-created-pending.json', { topic: 'order.updated' })).toMatchObject({ kind: 'event', mayCreate: false });
    });

    it('never creates from an order.created in a cancelling status: it is ignored', () => {
      const failed = fixture('woocommerce', 'order-created-processing.json').replace('"status": "processing"', '"status": "failed"');
      expect(readLive(adapter, wooDelivery(failed, secret), connection)).toMatchObject({ kind: 'ignored', reasonCode: 'STATUS_NOT_CREATING' });
    });

    it('tells two saves within one second apart by the body, and the same save delivered twice is one key', () => {
      // Both saves show date_modified_gmt 2026-11-24T17:30:02; only the note differs.
      const first = read('order-updated-processing.json', { topic: 'order.updated', deliveryId: 'a' });
      const again = read('order-updated-processing.json', { topic: 'order.updated', deliveryId: 'b' });
      const second = read('order-updated-same-second.json', { topic: 'order.updated' });
      const keys = [first, again, second].map((r) => (r.kind === 'event' ? r.externalEventId : null));
      expect(keys[0]).toBe(keys[1]);
      expect(keys[2]).not.toBe(keys[0]);
      expect(keys.map((k) => k?.replace(/:[0-9a-f]{12}$/, ''))).toEqual(Array(3).fill('order.updated:728:2026-11-24T17:30:02'));
    });

    it('rejects an update without any address, as a create would be', () => {
      const body = JSON.parse(fixture('woocommerce', 'order-updated-processing.json')) as { shipping: Record<string, string>; billing: Record<string, string> };
      body.shipping.address_1 = '';
      body.billing.address_1 = '';
      expect(readLive(adapter, wooDelivery(JSON.stringify(body), secret, { topic: 'order.updated' }), connection)).toMatchObject({ kind: 'ignored', outcome: 'REJECTED', reasonCode: 'UNDELIVERABLE' });
    });
  });
});
