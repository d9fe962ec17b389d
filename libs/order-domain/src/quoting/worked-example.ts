import type { CreateRateTable, Location, Weight } from '@portal/contracts';

/**
 * The pricing example the courier docs quote (PRODUCT 2.1's sample rate table): one place for the
 * numbers, so the docs and the test that checks them cannot drift apart.
 *
 *   distance = haversine(pickup, dropoff) on a 6371.0088 km sphere  = 15.819 km
 *   price    = 500 + 150 x 15.819... + 100 x max(0, 12 - 10)          = 3072.89
 *   clamp to [700, 5000], round half up                              = 3073 (USD 30.73)
 */
export const workedExample: {
  rateTable: CreateRateTable;
  pickup: Location;
  dropoff: Location;
  weight: Weight;
  pieces: number;
  distanceKm: number;
  unroundedAmount: number;
  expectedAmount: number;
} = {
  rateTable: {
    name: 'Standard',
    currency: 'USD',
    base: { method: 'PER_KM', amount: 500, unitAmount: 150 },
    modifiers: [{ metric: 'WEIGHT_KG', above: 10, unitAmount: 100 }],
    minimum: 700,
    maximum: 5000,
  },
  /** A warehouse in Newark, NJ. */
  pickup: { lat: 40.7357, lng: -74.1724 },
  /** The Empire State Building, New York. */
  dropoff: { lat: 40.748817, lng: -73.985428 },
  weight: { value: 12, unit: 'kg' },
  pieces: 1,
  /** Rounded to the metre, as the docs print it. */
  distanceKm: 15.819,
  /** Before rounding, to the cent's hundredth, as the docs print it. */
  unroundedAmount: 3072.89,
  expectedAmount: 3073,
};
