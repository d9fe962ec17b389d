import type { RateTable } from '@portal/contracts';
import { type Measures, priceFor } from './price';
import { KG_PER_LB, KM_PER_MI } from './units';

type Table = Pick<RateTable, 'currency' | 'base' | 'modifiers' | 'minimum' | 'maximum'>;
const table = (fields: Partial<Table> & Pick<Table, 'base'>): Table => ({ currency: 'USD', modifiers: [], ...fields });
const measures = (fields: Partial<Measures>): Measures => ({ distanceKm: 0, weightKg: 1, pieces: 1, ...fields });
const lb = (pounds: number): number => pounds * KG_PER_LB;
const mi = (miles: number): number => miles * KM_PER_MI;

// Golden fixtures: [what it shows, table, measures, expected minor units].
const GOLDEN: [string, Table, Partial<Measures>, number][] = [
  ['FLAT is the base amount', table({ base: { method: 'FLAT', amount: 800 } }), { distanceKm: 12 }, 800],
  ['FLAT ignores unitAmount', table({ base: { method: 'FLAT', amount: 800, unitAmount: 999 } }), { distanceKm: 12, weightKg: 9, pieces: 4 }, 800],
  ['PER_KM', table({ base: { method: 'PER_KM', amount: 500, unitAmount: 150 } }), { distanceKm: 10 }, 2000],
  ['PER_KM, fractional km', table({ base: { method: 'PER_KM', amount: 500, unitAmount: 150 } }), { distanceKm: 3.3 }, 995],
  ['fractional unitAmount, exactly .5 rounds up', table({ base: { method: 'PER_KM', amount: 100, unitAmount: 0.5 } }), { distanceKm: 5 }, 103],
  ['below .5 rounds down', table({ base: { method: 'PER_KM', amount: 100, unitAmount: 0.5 } }), { distanceKm: 4.98 }, 102],
  ['above .5 rounds up', table({ base: { method: 'PER_KM', amount: 100, unitAmount: 0.5 } }), { distanceKm: 5.02 }, 103],
  // 0.35 x 90 is 31.499999999999996 in binary floating point: still rounds up, as 31.5 does.
  ['.5 that floating point puts below .5 (0.35 x 90)', table({ base: { method: 'PER_PIECE', amount: 0, unitAmount: 0.35 } }), { pieces: 90 }, 32],
  ['.5 that floating point puts below .5 (0.29 x 50)', table({ base: { method: 'PER_PIECE', amount: 0, unitAmount: 0.29 } }), { pieces: 50 }, 15],
  ['PER_PIECE', table({ base: { method: 'PER_PIECE', amount: 200, unitAmount: 75 } }), { pieces: 4 }, 500],
  ['PER_KG', table({ base: { method: 'PER_KG', amount: 0, unitAmount: 100 } }), { weightKg: 2.5 }, 250],
  ['PER_KG from pounds (10 lb = 4.5359237 kg)', table({ base: { method: 'PER_KG', amount: 0, unitAmount: 100 } }), { weightKg: lb(10) }, 454],
  ['PER_LB from pounds', table({ base: { method: 'PER_LB', amount: 0, unitAmount: 50 } }), { weightKg: lb(10) }, 500],
  ['PER_LB from kilograms (1 kg = 2.20462... lb)', table({ base: { method: 'PER_LB', amount: 0, unitAmount: 100 } }), { weightKg: 1 }, 220],
  ['PER_MI (10 mi = 16.09344 km)', table({ base: { method: 'PER_MI', amount: 200, unitAmount: 100 } }), { distanceKm: mi(10) }, 1200],
  ['PER_MI from km (10 km = 6.2137 mi)', table({ base: { method: 'PER_MI', amount: 0, unitAmount: 100 } }), { distanceKm: 10 }, 621],
  [
    'WEIGHT_KG modifier above its threshold',
    table({ base: { method: 'FLAT', amount: 300 }, modifiers: [{ metric: 'WEIGHT_KG', above: 10, unitAmount: 100 }] }),
    { weightKg: 12.5 },
    550,
  ],
  [
    'modifier at or below its threshold adds nothing',
    table({ base: { method: 'FLAT', amount: 300 }, modifiers: [{ metric: 'WEIGHT_KG', above: 10, unitAmount: 100 }] }),
    { weightKg: 10 },
    300,
  ],
  [
    'WEIGHT_LB modifier on a weight sent in lb',
    table({ base: { method: 'FLAT', amount: 300 }, modifiers: [{ metric: 'WEIGHT_LB', above: 10, unitAmount: 20 }] }),
    { weightKg: lb(15) },
    400,
  ],
  [
    'DISTANCE_MI modifier exactly at its threshold',
    table({ base: { method: 'FLAT', amount: 300 }, modifiers: [{ metric: 'DISTANCE_MI', above: 5, unitAmount: 30 }] }),
    { distanceKm: mi(5) },
    300,
  ],
  [
    'DISTANCE_MI modifier above its threshold',
    table({ base: { method: 'FLAT', amount: 300 }, modifiers: [{ metric: 'DISTANCE_MI', above: 5, unitAmount: 30 }] }),
    { distanceKm: mi(10) },
    450,
  ],
  [
    'PIECES modifier',
    table({ base: { method: 'FLAT', amount: 300 }, modifiers: [{ metric: 'PIECES', above: 3, unitAmount: 75 }] }),
    { pieces: 5 },
    450,
  ],
  [
    'several modifiers add up',
    table({
      base: { method: 'PER_KM', amount: 500, unitAmount: 100 },
      modifiers: [
        { metric: 'DISTANCE_KM', above: 10, unitAmount: 50 },
        { metric: 'WEIGHT_KG', above: 5, unitAmount: 40 },
        { metric: 'PIECES', above: 2, unitAmount: 25.5 },
      ],
    }),
    { distanceKm: 12, weightKg: 7, pieces: 3 },
    // 500 + 1200 + 100 + 80 + 25.5 = 1905.5
    1906,
  ],
  ['clamped up to the minimum', table({ base: { method: 'PER_KM', amount: 100, unitAmount: 10 }, minimum: 700 }), { distanceKm: 2 }, 700],
  ['clamped down to the maximum', table({ base: { method: 'PER_KM', amount: 500, unitAmount: 150 }, maximum: 5000 }), { distanceKm: 100 }, 5000],
  ['a fractional price just under the maximum rounds to it', table({ base: { method: 'PER_KM', amount: 0, unitAmount: 0.5 }, maximum: 5000 }), { distanceKm: 9999.2 }, 5000],
  ['within the bounds, untouched', table({ base: { method: 'PER_KM', amount: 500, unitAmount: 150 }, minimum: 700, maximum: 5000 }), { distanceKm: 10 }, 2000],
  ['minimum equal to maximum fixes the price', table({ base: { method: 'PER_KM', amount: 500, unitAmount: 150 }, minimum: 999, maximum: 999 }), { distanceKm: 10 }, 999],
];

describe('priceFor (golden fixtures)', () => {
  it.each(GOLDEN)('%s', (_name, rates, given, expected) => {
    expect(priceFor(rates, measures(given))).toEqual({ ok: true, price: { amount: expected, currency: 'USD' } });
  });
});

describe('priceFor with measures missing', () => {
  it('needs the distance for a distance method', () => {
    expect(priceFor(table({ base: { method: 'PER_MI', amount: 1, unitAmount: 1 } }), measures({ distanceKm: null }))).toEqual({ ok: false, missing: ['distance'] });
  });

  it('needs the distance for a distance modifier, even on a flat base', () => {
    const rates = table({ base: { method: 'FLAT', amount: 1 }, modifiers: [{ metric: 'DISTANCE_KM', above: 5, unitAmount: 1 }] });
    expect(priceFor(rates, measures({ distanceKm: null }))).toEqual({ ok: false, missing: ['distance'] });
  });

  it('lists every measure missing, once', () => {
    const rates = table({
      base: { method: 'PER_KG', amount: 1, unitAmount: 1 },
      modifiers: [
        { metric: 'WEIGHT_LB', above: 5, unitAmount: 1 },
        { metric: 'PIECES', above: 5, unitAmount: 1 },
      ],
    });
    expect(priceFor(rates, { distanceKm: null, weightKg: null, pieces: null })).toEqual({ ok: false, missing: ['weight', 'pieces'] });
  });

  it('prices a flat table with nothing known', () => {
    expect(priceFor(table({ base: { method: 'FLAT', amount: 800 } }), { distanceKm: null, weightKg: null, pieces: null })).toEqual({
      ok: true,
      price: { amount: 800, currency: 'USD' },
    });
  });
});
