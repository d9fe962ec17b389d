/**
 * PRODUCT 2.1's price formula and the calendar arithmetic the system tests need, written here on
 * purpose independently of libs/order-domain so the tests check the apps against the written rule.
 */

export interface LatLng {
  lat: number;
  lng: number;
}

export type RateMethodName = 'FLAT' | 'PER_KM' | 'PER_MI' | 'PER_KG' | 'PER_LB' | 'PER_PIECE';
export type ModifierMetricName = 'DISTANCE_KM' | 'DISTANCE_MI' | 'WEIGHT_KG' | 'WEIGHT_LB' | 'PIECES';

export interface PricingTable {
  base: { method: RateMethodName; amount: number; unitAmount?: number };
  modifiers?: { metric: ModifierMetricName; above: number; unitAmount: number }[];
  minimum?: number;
  maximum?: number;
}

export interface PricedOrder {
  pickup: LatLng;
  dropoff: LatLng;
  weight: { value: number; unit: 'kg' | 'lb' };
  pieces: number;
}

export const EARTH_RADIUS_KM = 6371.0088;
export const KG_PER_LB = 0.45359237;
export const KM_PER_MI = 1.609344;

const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance on a sphere of radius 6371.0088 km. */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const weightKg = (w: PricedOrder['weight']): number => (w.unit === 'kg' ? w.value : w.value * KG_PER_LB);

function measure(kind: RateMethodName | ModifierMetricName, order: PricedOrder): number {
  const km = haversineKm(order.pickup, order.dropoff);
  const kg = weightKg(order.weight);
  switch (kind) {
    case 'FLAT':
      return 0;
    case 'PER_KM':
    case 'DISTANCE_KM':
      return km;
    case 'PER_MI':
    case 'DISTANCE_MI':
      return km / KM_PER_MI;
    case 'PER_KG':
    case 'WEIGHT_KG':
      return kg;
    case 'PER_LB':
    case 'WEIGHT_LB':
      return kg / KG_PER_LB;
    case 'PER_PIECE':
    case 'PIECES':
      return order.pieces;
  }
}

/** The price before clamping and rounding (minor units, fractional). */
export function rawPrice(table: PricingTable, order: PricedOrder): number {
  let total = table.base.amount;
  if (table.base.method !== 'FLAT') total += (table.base.unitAmount ?? 0) * measure(table.base.method, order);
  for (const m of table.modifiers ?? []) total += m.unitAmount * Math.max(0, measure(m.metric, order) - m.above);
  return total;
}

/** base + unit x measure + modifiers, clamped to [minimum, maximum], rounded half up to a minor unit. */
export function expectedPrice(table: PricingTable, order: PricedOrder): number {
  let total = rawPrice(table, order);
  if (table.minimum !== undefined) total = Math.max(table.minimum, total);
  if (table.maximum !== undefined) total = Math.min(table.maximum, total);
  return Math.floor(total + 0.5);
}

// ---------------------------------------------------------------------------------------------
// Local calendar arithmetic in an IANA timezone (for deterministic completion windows).

export interface LocalDate {
  year: number;
  month: number; // 1-12
  day: number;
}

const partsIn = (instant: Date, timeZone: string): Record<string, number> => {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const out: Record<string, number> = {};
  for (const p of fmt.formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
};

/** The zone's offset from UTC (ms) at an instant. */
function offsetMs(instant: Date, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant of a wall-clock time on a local date in `timeZone` (not for times skipped by DST). */
export function zonedInstant(date: LocalDate, time: string, timeZone: string): Date {
  const [h, m] = time.split(':').map(Number);
  const wall = Date.UTC(date.year, date.month - 1, date.day, h, m);
  let guess = wall - offsetMs(new Date(wall), timeZone);
  guess = wall - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const p = partsIn(instant, timeZone);
  return { year: p.year, month: p.month, day: p.day };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday ... 6 = Saturday. */
export const weekdayOf = (date: LocalDate): number => new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();

/** The first local date on `weekday` at least `minDaysAhead` days after today in `timeZone`. */
export function upcomingWeekday(timeZone: string, weekday: number, minDaysAhead = 2, now = new Date()): LocalDate {
  let date = addDays(localDateOf(now, timeZone), minDaysAhead);
  while (weekdayOf(date) !== weekday) date = addDays(date, 1);
  return date;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A local date-time without offset, as a source sending local times would: "2026-12-01T09:00:00". */
export const localIso = (date: LocalDate, time: string): string => `${date.year}-${pad(date.month)}-${pad(date.day)}T${time}:00`;

export const utcIso = (value: string | Date): string => new Date(value).toISOString();
