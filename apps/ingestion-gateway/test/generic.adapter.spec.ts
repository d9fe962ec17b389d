import { ReasonCodeSchema, signGenericPayload } from '@portal/contracts';
import type { GatewayConfig } from '../src/config';
import { GenericAdapter } from '../src/platforms/generic/generic.adapter';
import type { InboundDelivery } from '../src/platforms/platform-adapter';
import { REFUSAL_CODES } from '../src/platforms/refusal-codes';
import { connectionContext, eventOf, readLive, refusal } from './platform-support';

const secret = 'whsec_generic_unit_0123456789abcdef';
const adapter = new GenericAdapter({ SIGNATURE_TOLERANCE_SECONDS: 300 } as GatewayConfig);
const connection = connectionContext('generic', {}, secret);

const delivery = (body: object, t = Math.floor(Date.now() / 1000), signWith = secret): InboundDelivery => {
  const raw = JSON.stringify(body);
  return { headers: { 'content-type': 'application/json', 'x-signature': signGenericPayload(signWith, raw, t) }, body: Buffer.from(raw), receivedAt: new Date() };
};
const order = { externalId: 'G-1', dropoff: { address: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' }, contact: { name: 'Homer' } } };

describe('GenericAdapter', () => {
  it('reads order.updated (the whole order) and order.cancelled, keyed by the event id; updates may build the order', () => {
    expect(readLive(adapter, delivery({ id: 'u-1', type: 'order.updated', occurredAt: '2026-11-24T15:05:00Z', order }), connection)).toMatchObject({
      kind: 'event',
      externalEventId: 'u-1',
      externalOrderId: 'G-1',
      mayCreate: true,
      event: { type: 'order.updated', order: { externalId: 'G-1' } },
    });
    const cancel = readLive(adapter, delivery({ id: 'x-1', type: 'order.cancelled', occurredAt: '2026-11-24T15:10:00Z', order: { externalId: 'G-1' }, reason: 'out of stock' }), connection);
    expect(eventOf(cancel)).toEqual({ id: 'x-1', type: 'order.cancelled', occurredAt: '2026-11-24T15:10:00Z', order: { externalId: 'G-1' }, reason: 'out of stock' });
  });

  it('refuses a cancellation without the order it cancels, listing the field', () => {
    expect(readLive(adapter, delivery({ id: 'x-2', type: 'order.cancelled', occurredAt: '2026-11-24T15:10:00Z', order: {} }), connection)).toMatchObject({
      kind: 'invalid',
      code: 'VALIDATION_FAILED',
      externalEventId: 'x-2',
      details: [{ path: 'order.externalId' }],
    });
  });

  it('verifies the signature and its timestamp on a live request; reading a stored delivery checks neither', () => {
    const stale = delivery({ id: 'u-2', type: 'order.updated', occurredAt: '2026-11-24T15:05:00Z', order }, Math.floor(Date.now() / 1000) - 3600);
    expect(refusal(() => readLive(adapter, stale, connection))).toEqual({ status: 401, code: 'SIGNATURE_EXPIRED' });
    const forged = delivery({ id: 'u-3', type: 'order.updated', occurredAt: '2026-11-24T15:05:00Z', order }, undefined, 'another-secret-entirely');
    expect(refusal(() => readLive(adapter, forged, connection))).toEqual({ status: 401, code: 'UNAUTHORIZED' });
    expect(adapter.read(stale).kind).toBe('event');
  });
});

describe('the reason codes the gateway records', () => {
  it('are all codes the event log filters take', () => {
    for (const code of REFUSAL_CODES) expect(ReasonCodeSchema.safeParse(code).success).toBe(true);
  });
});
