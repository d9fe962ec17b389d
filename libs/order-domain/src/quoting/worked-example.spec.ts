import { priceFor } from './price';
import { quoteOrder } from './quote-order';
import { rateTable, service, task } from './testing';
import { workedExample as example } from './worked-example';

/** The haversine formula written out independently of distance.ts, as the docs state it. */
function greatCircleKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6371.0088;
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

describe('the worked pricing example in the docs', () => {
  const distanceKm = greatCircleKm(example.pickup, example.dropoff);
  const { base, modifiers, minimum, maximum } = example.rateTable;

  it('has the distance the docs print', () => {
    expect(distanceKm).toBeCloseTo(example.distanceKm, 3);
  });

  it('follows the formula step by step to the amount the docs print', () => {
    const raw = base.amount + (base.unitAmount ?? 0) * distanceKm + modifiers[0].unitAmount * Math.max(0, example.weight.value - modifiers[0].above);
    expect(raw).toBeCloseTo(example.unroundedAmount, 2);
    const clamped = Math.min(Math.max(raw, minimum ?? raw), maximum ?? raw);
    expect(Math.floor(clamped + 0.5)).toBe(example.expectedAmount);
  });

  it('is what priceFor charges', () => {
    expect(priceFor(example.rateTable, { distanceKm, weightKg: example.weight.value, pieces: example.pieces })).toEqual({
      ok: true,
      price: { amount: example.expectedAmount, currency: 'USD' },
    });
  });

  it('is what a quote charges for an order between those places', () => {
    const result = quoteOrder({
      order: {
        pickup: task(example.pickup),
        dropoff: task(example.dropoff),
        readyBy: '2026-03-02T15:00:00.000Z',
        dueBy: null,
        weight: example.weight,
        pieces: example.pieces,
        serviceCode: null,
      },
      timezone: 'America/New_York',
      units: 'kg',
      rule: 'CHEAPEST',
      assigned: [{ service: service({ code: 'STANDARD', sla: { type: 'SAME_DAY', cutoff: '14:00' } }), rateTable: rateTable(example.rateTable) }],
      courierServiceCodes: ['STANDARD'],
      now: new Date('2026-03-02T14:00:00.000Z'),
    });
    expect(result.quotes[0].price).toEqual({ amount: example.expectedAmount, currency: 'USD' });
    expect(result.pick).toEqual({ serviceId: 'svc-STANDARD', code: 'STANDARD' });
  });
});
