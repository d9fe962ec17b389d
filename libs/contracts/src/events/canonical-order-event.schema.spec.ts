import { CanonicalOrderEventSchema } from './canonical-order-event.schema';

const valid = {
  id: 'evt_01',
  type: 'order.created',
  occurredAt: '2026-11-24T15:00:00Z',
  order: {
    externalId: 'A-1001',
    dropoff: {
      address: { line1: '350 5th Ave', city: 'New York', postalCode: '10118', country: 'US', location: { lat: 40.7484, lng: -73.9857 } },
      contact: { name: 'Ada Lovelace', phone: '555-555-SHIP' },
      completeAfter: '2026-11-24T15:00:00-05:00',
      completeBefore: '2026-11-24T18:00',
    },
    weight: { value: 2.5, unit: 'kg' },
    pieces: 2,
  },
};

describe('CanonicalOrderEventSchema', () => {
  it('accepts the documented example, free-text phones and offset-less times', () => {
    expect(CanonicalOrderEventSchema.safeParse(valid).success).toBe(true);
  });

  it('refuses a date that does not exist, such as February 30', () => {
    const result = CanonicalOrderEventSchema.safeParse({ ...valid, order: { ...valid.order, dropoff: { ...valid.order.dropoff, completeAfter: '2026-02-30T10:00:00' } } });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['order.dropoff.completeAfter']);
  });

  it('names every problem by its path', () => {
    const result = CanonicalOrderEventSchema.safeParse({
      ...valid,
      order: {
        ...valid.order,
        pieces: 0,
        weight: { value: 1, unit: 'g' },
        dropoff: { ...valid.order.dropoff, completeAfter: 'tomorrow', address: { ...valid.order.dropoff.address, city: undefined, country: 'USA' } },
      },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'order.dropoff.address.city',
      'order.dropoff.address.country',
      'order.dropoff.completeAfter',
      'order.pieces',
      'order.weight.unit',
    ]);
  });
});
