import type { Location, QuotableOrder, RateTable, Service, Weight } from '@portal/contracts';
import { WEEKDAYS } from '@portal/contracts';
import fc from 'fast-check';
import type { AssignedService } from './assess-service';
import { completionWindow } from './completion-window';
import { priceFor } from './price';
import { type QuoteInput, quoteOrder } from './quote-order';
import { rateTable, service, task } from './testing';

// Around New York, so areas, distances and coordinates are realistic; times across 2026 (both DST changes).
const TIMEZONES = ['America/New_York', 'Europe/London', 'Asia/Tokyo', 'UTC'];
const DAY_MS = 86_400_000;
const START_2026 = Date.UTC(2026, 0, 1);

const clock = fc.integer({ min: 0, max: 23 * 60 + 59 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
const openingHours = fc.tuple(clock, clock).filter(([a, b]) => a !== b).map(([a, b]): [string, string] => (a < b ? [a, b] : [b, a]));
const hours = fc.option(
  fc.record(Object.fromEntries(WEEKDAYS.map((d) => [d, openingHours])) as Record<(typeof WEEKDAYS)[number], typeof openingHours>, { requiredKeys: [] }),
  { nil: undefined, freq: 2 },
);
const sla = fc.oneof(
  fc.record({ type: fc.constant('WITHIN' as const), minutes: fc.integer({ min: 15, max: 24 * 60 }) }),
  fc.record({ type: fc.constant('SAME_DAY' as const), cutoff: clock }),
  fc.record({ type: fc.constant('NEXT_DAY' as const), cutoff: clock }),
);
const isoDate = fc.integer({ min: 0, max: 364 }).map((d) => new Date(START_2026 + d * DAY_MS).toISOString().slice(0, 10));
const lat = fc.double({ min: 40.5, max: 41, noNaN: true });
const lng = fc.double({ min: -74.3, max: -73.6, noNaN: true });
const location: fc.Arbitrary<Location> = fc.record({ lat, lng });
// Boxes around the region's centre, from covering a small part of it to all of it.
const area = fc
  .tuple(fc.double({ min: 0.02, max: 0.5, noNaN: true }), fc.double({ min: 0.02, max: 0.5, noNaN: true }))
  .map(([dLat, dLng]): NonNullable<Service['area']> => {
    const [s, n, w, e] = [40.75 - dLat, 40.75 + dLat, -73.95 - dLng, -73.95 + dLng];
    return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
  });
const weight: fc.Arbitrary<Weight> = fc.record({ value: fc.double({ min: 0.1, max: 60, noNaN: true }), unit: fc.constantFrom('kg' as const, 'lb' as const) });

// Limits are often absent or generous, so that several services are often eligible at once and the
// rules have something to choose between.
const rarely = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: arb, weight: 1 });
const serviceFields = fc.record({
  sla,
  hours,
  blackoutDates: fc.option(fc.array(isoDate, { maxLength: 20 }), { nil: undefined }),
  area: rarely(area),
  maxWeight: rarely(weight.map((w) => ({ ...w, value: w.value * 2 }))),
  maxPieces: rarely(fc.integer({ min: 1, max: 40 })),
});

const unitAmount = fc.oneof(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 50_000 }).map((n) => n / 100));
const table = fc
  .record({
    base: fc.record({ method: fc.constantFrom('FLAT', 'PER_KM', 'PER_MI', 'PER_KG', 'PER_LB', 'PER_PIECE' as const), amount: fc.integer({ min: 0, max: 5000 }), unitAmount }),
    modifiers: fc.array(
      fc.record({ metric: fc.constantFrom('DISTANCE_KM', 'DISTANCE_MI', 'WEIGHT_KG', 'WEIGHT_LB', 'PIECES' as const), above: fc.integer({ min: 0, max: 30 }), unitAmount }),
      { maxLength: 3 },
    ),
    bounds: fc.tuple(fc.option(fc.integer({ min: 0, max: 4000 }), { nil: undefined }), fc.option(fc.integer({ min: 0, max: 8000 }), { nil: undefined })),
  })
  .map(({ base, modifiers, bounds: [a, b] }): RateTable => {
    const [minimum, maximum] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
    return rateTable({ base, modifiers, ...(minimum === undefined ? {} : { minimum }), ...(maximum === undefined ? {} : { maximum }) });
  });

const CODES = ['A', 'B', 'C', 'D', 'E'];
const assigned = (minLength: number): fc.Arbitrary<AssignedService[]> =>
  fc
    .uniqueArray(fc.constantFrom(...CODES), { minLength, maxLength: 5 })
    .chain((codes) => fc.tuple(...codes.map((code) => fc.tuple(serviceFields, table).map(([fields, rates]) => ({ service: service({ code, ...fields }), rateTable: rates })))));

/** Orders of every kind; `complete` ones have both tasks located, a weight and pieces (rules to apply). */
const order = (complete: boolean): fc.Arbitrary<QuotableOrder> => {
  const sometimes = <T, N>(arb: fc.Arbitrary<T>, nil: N): fc.Arbitrary<T | N> => (complete ? arb : fc.option(arb, { nil, freq: 8 }));
  return fc
    .record({
      pickup: sometimes(sometimes(location, undefined), null),
      dropoff: sometimes(location, undefined),
      ready: fc.integer({ min: 0, max: 364 * DAY_MS }),
      dueAfter: fc.option(fc.integer({ min: 0, max: 3 * DAY_MS }), { nil: null, freq: 2 }),
      weight: sometimes(weight, null),
      pieces: sometimes(fc.integer({ min: 1, max: 25 }), null),
      serviceCode: fc.option(fc.constantFrom(...CODES, 'NOPE'), { nil: null, freq: 4 }),
    })
    .map((o) => ({
      pickup: o.pickup === null ? null : task(o.pickup),
      dropoff: task(o.dropoff),
      readyBy: new Date(START_2026 + o.ready).toISOString(),
      dueBy: o.dueAfter === null ? null : new Date(START_2026 + o.ready + o.dueAfter).toISOString(),
      weight: o.weight,
      pieces: o.pieces,
      serviceCode: o.serviceCode,
    }));
};

const quoteInput = (complete: boolean): fc.Arbitrary<QuoteInput> =>
  fc.record({
    order: order(complete),
    timezone: fc.constantFrom(...TIMEZONES),
    units: fc.constantFrom('kg' as const, 'lb' as const),
    rule: fc.constantFrom('FASTEST' as const, 'CHEAPEST' as const, null),
    assigned: assigned(complete ? 2 : 0),
    courierServiceCodes: fc.constant(CODES),
    now: fc.integer({ min: 0, max: 364 * DAY_MS }).map((t) => new Date(START_2026 + t)),
  });

/** Any input, and inputs whose orders have every fact, where the rules have choices to make. */
const input = fc.oneof(quoteInput(false), quoteInput(true));
const completeInput = quoteInput(true);

const end = (q: { completionWindow: { end: string } | null }): number => Date.parse(q.completionWindow?.end ?? 'invalid');
const RUNS = { numRuns: 300 };

describe('quoteOrder (properties)', () => {
  it('every result has either a pick or at least one draft reason, never both', () => {
    fc.assert(
      fc.property(input, (i) => {
        const result = quoteOrder(i);
        expect(result.pick === null).toBe(result.draftReasons.length > 0);
      }),
      RUNS,
    );
  });

  it('a pick is always eligible, priced and windowed, and is the requested service when one is asked for', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { pick, quotes } = quoteOrder(i);
        if (!pick) return;
        const picked = quotes.find((q) => q.serviceId === pick.serviceId);
        expect(picked).toMatchObject({ eligible: true, reasons: [], code: pick.code });
        expect(picked?.price).not.toBeNull();
        expect(picked?.completionWindow).not.toBeNull();
        if (i.order.serviceCode !== null) expect(pick.code).toBe(i.order.serviceCode);
        if (i.order.dueBy !== null) expect(end(picked ?? { completionWindow: null })).toBeLessThanOrEqual(Date.parse(i.order.dueBy));
      }),
      RUNS,
    );
  });

  it('CHEAPEST never picks a service that a cheaper eligible one meeting Due By beats', () => {
    fc.assert(
      fc.property(completeInput, (i) => {
        const rule = { ...i, rule: 'CHEAPEST' as const, order: { ...i.order, serviceCode: null } };
        const { pick, quotes } = quoteOrder(rule);
        const meets = quotes.filter((q) => q.eligible && (rule.order.dueBy === null || end(q) <= Date.parse(rule.order.dueBy)));
        if (!pick) {
          expect(meets).toEqual([]);
          return;
        }
        const picked = quotes.find((q) => q.serviceId === pick.serviceId);
        for (const q of meets) expect(picked?.price?.amount).toBeLessThanOrEqual(q.price?.amount ?? -1);
      }),
      RUNS,
    );
  });

  it('FASTEST never picks a service with a later window end than another eligible one', () => {
    fc.assert(
      fc.property(completeInput, (i) => {
        const rule = { ...i, rule: 'FASTEST' as const, order: { ...i.order, serviceCode: null } };
        const { pick, quotes } = quoteOrder(rule);
        const eligible = quotes.filter((q) => q.eligible);
        if (!pick) return;
        const picked = quotes.find((q) => q.serviceId === pick.serviceId) ?? { completionWindow: null };
        for (const q of eligible) expect(end(picked)).toBeLessThanOrEqual(end(q));
      }),
      RUNS,
    );
  });

  it('every quoted price lies within its table’s [minimum, maximum]', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { quotes } = quoteOrder(i);
        for (const q of quotes) {
          const rates = i.assigned.find((a) => a.service.id === q.serviceId)?.rateTable;
          if (!q.price || !rates) continue;
          expect(Number.isInteger(q.price.amount)).toBe(true);
          if (rates.minimum !== undefined) expect(q.price.amount).toBeGreaterThanOrEqual(rates.minimum);
          if (rates.maximum !== undefined) expect(q.price.amount).toBeLessThanOrEqual(rates.maximum);
        }
      }),
      RUNS,
    );
  });
});

describe('priceFor and completionWindow (properties)', () => {
  const measures = fc.record({
    distanceKm: fc.double({ min: 0, max: 2000, noNaN: true }),
    weightKg: fc.double({ min: 0, max: 1000, noNaN: true }),
    pieces: fc.integer({ min: 0, max: 1000 }),
  });

  it('prices are whole minor units within the bounds, and never fall as a measure grows', () => {
    fc.assert(
      fc.property(table, measures, fc.double({ min: 0, max: 100, noNaN: true }), (rates, m, more) => {
        const price = priceFor(rates, m);
        const larger = priceFor(rates, { ...m, distanceKm: m.distanceKm + more, weightKg: m.weightKg + more });
        if (!price.ok || !larger.ok) throw new Error('all measures are known');
        expect(Number.isInteger(price.price.amount)).toBe(true);
        expect(price.price.amount).toBeGreaterThanOrEqual(rates.minimum ?? 0);
        expect(price.price.amount).toBeLessThanOrEqual(rates.maximum ?? Infinity);
        expect(larger.price.amount).toBeGreaterThanOrEqual(price.price.amount);
      }),
    );
  });

  it('a window never starts before Ready By, and WITHIN lasts exactly its minutes', () => {
    fc.assert(
      fc.property(serviceFields, fc.integer({ min: 0, max: 364 * DAY_MS }), fc.constantFrom(...TIMEZONES), (fields, t, zone) => {
        const readyBy = new Date(START_2026 + t);
        const window = completionWindow(fields, readyBy, zone);
        if (!window) return;
        expect(+window.start).toBeGreaterThanOrEqual(+readyBy);
        expect(+window.end).toBeGreaterThan(+window.start);
        if (fields.sla.type === 'WITHIN') expect(+window.end - +window.start).toBe(fields.sla.minutes * 60_000);
      }),
      RUNS,
    );
  });
});
