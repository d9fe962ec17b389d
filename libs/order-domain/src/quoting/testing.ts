import type { RateTable, Service, Task } from '@portal/contracts';
import { DateTime } from 'luxon';

/** Builders for the quoting specs: a stored service, rate table and task with sensible defaults. */

export const NY = 'America/New_York';

/** A wall-clock time in New York, as an instant. */
export const ny = (local: string): Date => DateTime.fromISO(local, { zone: NY }).toJSDate();

export const service = (fields: Partial<Service> & Pick<Service, 'code' | 'sla'>): Service => ({
  id: `svc-${fields.code}`,
  courierId: 'courier-1',
  name: fields.code,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

export const rateTable = (fields: Partial<RateTable> & Pick<RateTable, 'base'>): RateTable => ({
  id: `rt-${fields.base.method}-${fields.base.amount}`,
  courierId: 'courier-1',
  name: 'Table',
  currency: 'USD',
  modifiers: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

export const task = (location: { lat: number; lng: number } | undefined, line1 = '1 Main St', city = 'New York'): Task => ({
  address: { line1, city, postalCode: '10001', country: 'US', ...(location ? { location } : {}) },
  contact: { name: 'Someone' },
  completeAfter: null,
  completeBefore: null,
  notes: null,
});

/** Manhattan-ish square, [lng, lat] as GeoJSON. */
export const NYC_AREA: NonNullable<Service['area']> = {
  type: 'Polygon',
  coordinates: [
    [
      [-74.1, 40.6],
      [-73.7, 40.6],
      [-73.7, 40.9],
      [-74.1, 40.9],
      [-74.1, 40.6],
    ],
  ],
};

export const WEEKDAY_HOURS: NonNullable<Service['hours']> = {
  mon: ['08:00', '20:00'],
  tue: ['08:00', '20:00'],
  wed: ['08:00', '20:00'],
  thu: ['08:00', '20:00'],
  fri: ['08:00', '20:00'],
  sat: ['10:00', '14:00'],
};
