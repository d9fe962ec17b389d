import type { CanonicalOrder, PickupAddress } from '@portal/contracts';
import { buildOrder } from './build-order';

const receivedAt = new Date('2026-11-24T16:00:00.000Z');
const warehouse: PickupAddress = {
  address: { line1: '1 Warehouse Way', city: 'Newark', postalCode: '07102', country: 'US' },
  contact: { name: 'Dock 4', phone: '+19735550100' },
};
const dropoff = {
  address: { line1: '350 5th Ave', line2: 'Fl 3', city: 'New York', region: 'NY', postalCode: '10118', country: 'US' },
  contact: { name: 'Ada Lovelace', phone: '555-555-SHIP' },
};
const order = (overrides: Partial<CanonicalOrder> = {}): CanonicalOrder => ({ externalId: 'A-1001', dropoff, ...overrides });
const ny = { timezone: 'America/New_York', defaultPickup: warehouse };

describe('buildOrder', () => {
  it('takes Ready By and Due By from the dropoff, in UTC', () => {
    const result = buildOrder({
      order: order({ dropoff: { ...dropoff, completeAfter: '2026-11-24T15:00:00-05:00', completeBefore: '2026-11-24T18:00:00-05:00' } }),
      client: ny,
      receivedAt,
    });
    expect(result).toMatchObject({ ok: true, order: { readyBy: '2026-11-24T20:00:00.000Z', dueBy: '2026-11-24T23:00:00.000Z' } });
  });

  it('reads offset-less times in the client timezone', () => {
    const result = buildOrder({
      order: order({ dropoff: { ...dropoff, completeAfter: '2026-11-25T10:00:00', completeBefore: '2026-11-25T12:00' } }),
      client: { ...ny, timezone: 'Europe/Paris' },
      receivedAt,
    });
    expect(result).toMatchObject({ ok: true, order: { readyBy: '2026-11-25T09:00:00.000Z', dueBy: '2026-11-25T11:00:00.000Z' } });
  });

  it('uses the receipt time as Ready By and no Due By when the dropoff has no window', () => {
    const result = buildOrder({ order: order(), client: ny, receivedAt });
    expect(result).toMatchObject({ ok: true, order: { readyBy: receivedAt.toISOString(), dueBy: null } });
  });

  it('builds the pickup from the default pickup address for a dropoff-only order', () => {
    const result = buildOrder({ order: order(), client: ny, receivedAt });
    if (!result.ok) throw new Error('expected an order');
    expect(result.order.pickup).toEqual({ ...warehouse, completeAfter: null, completeBefore: null, notes: null });
    expect(result.order.dropoff).toEqual({ ...dropoff, completeAfter: null, completeBefore: null, notes: null });
  });

  it('keeps a pickup task the event sends, with its own times', () => {
    const pickup = { ...dropoff, contact: { name: 'Shop' }, completeAfter: '2026-11-24T09:00:00', notes: 'Back door' };
    const result = buildOrder({ order: order({ pickup }), client: { ...ny, defaultPickup: null }, receivedAt });
    if (!result.ok) throw new Error('expected an order');
    expect(result.order.pickup).toEqual({ ...pickup, completeAfter: '2026-11-24T14:00:00.000Z', completeBefore: null });
  });

  it('refuses a dropoff-only order when the client has no default pickup', () => {
    const result = buildOrder({ order: order(), client: { ...ny, defaultPickup: null }, receivedAt });
    expect(result).toEqual({ ok: false, reason: expect.objectContaining({ code: 'NO_PICKUP_ADDRESS' }) });
  });

  it('refuses a window that ends before it starts', () => {
    const result = buildOrder({
      order: order({ dropoff: { ...dropoff, completeAfter: '2026-11-24T18:00:00Z', completeBefore: '2026-11-24T17:00:00Z' } }),
      client: ny,
      receivedAt,
    });
    expect(result).toEqual({ ok: false, reason: expect.objectContaining({ code: 'INVALID_WINDOW' }) });
  });

  it('refuses a time that does not exist', () => {
    const result = buildOrder({ order: order({ dropoff: { ...dropoff, completeAfter: '2026-02-30T10:00:00' } }), client: ny, receivedAt });
    expect(result).toEqual({ ok: false, reason: expect.objectContaining({ code: 'INVALID_TIME' }) });
  });

  it('carries the order facts through unchanged', () => {
    const result = buildOrder({
      order: order({ reference: 'R-1', weight: { value: 2.5, unit: 'kg' }, pieces: 2, serviceCode: 'RUSH_2H', notes: 'Fragile' }),
      client: ny,
      receivedAt,
    });
    expect(result).toMatchObject({
      ok: true,
      order: { externalOrderId: 'A-1001', reference: 'R-1', weight: { value: 2.5, unit: 'kg' }, pieces: 2, serviceCode: 'RUSH_2H', notes: 'Fragile' },
    });
  });
});
