import type { Money, ModifierMetric, RateMethod, RateTable } from '@portal/contracts';
import { roundHalfUp } from './round-half-up';
import { KG_PER_LB, KM_PER_MI } from './units';

/** What an order measures, in the canonical units; null when unknown. */
export interface Measures {
  distanceKm: number | null;
  weightKg: number | null;
  pieces: number | null;
}

export type MeasureName = 'distance' | 'weight' | 'pieces';

/** A price, or the measures the table needs that the order does not have. */
export type PriceOutcome = { ok: true; price: Money } | { ok: false; missing: MeasureName[] };

const MEASURE_KEY: Record<MeasureName, keyof Measures> = { distance: 'distanceKm', weight: 'weightKg', pieces: 'pieces' };

type PricedBy = Exclude<RateMethod, 'FLAT'> | ModifierMetric;

const MEASURE_OF: Record<PricedBy, MeasureName> = {
  PER_KM: 'distance',
  PER_MI: 'distance',
  DISTANCE_KM: 'distance',
  DISTANCE_MI: 'distance',
  PER_KG: 'weight',
  PER_LB: 'weight',
  WEIGHT_KG: 'weight',
  WEIGHT_LB: 'weight',
  PER_PIECE: 'pieces',
  PIECES: 'pieces',
};

/** The measure in the unit the method or metric is priced in (miles, pounds converted exactly). */
function measureIn(unit: PricedBy, measures: Measures): number | null {
  switch (unit) {
    case 'PER_KM':
    case 'DISTANCE_KM':
      return measures.distanceKm;
    case 'PER_MI':
    case 'DISTANCE_MI':
      return measures.distanceKm === null ? null : measures.distanceKm / KM_PER_MI;
    case 'PER_KG':
    case 'WEIGHT_KG':
      return measures.weightKg;
    case 'PER_LB':
    case 'WEIGHT_LB':
      return measures.weightKg === null ? null : measures.weightKg / KG_PER_LB;
    case 'PER_PIECE':
    case 'PIECES':
      return measures.pieces;
  }
}

/** The measures a table's base method and modifiers price on (FLAT prices on none). */
export function measuresNeeded(table: Pick<RateTable, 'base' | 'modifiers'>): MeasureName[] {
  const units: PricedBy[] = [...(table.base.method === 'FLAT' ? [] : [table.base.method]), ...table.modifiers.map((m) => m.metric)];
  return [...new Set(units.map((unit) => MEASURE_OF[unit]))];
}

/**
 * PRODUCT 2.1: base.amount + base.unitAmount x measure + for each modifier unitAmount x max(0,
 * measure - above), clamped to [minimum, maximum], rounded half up to a whole minor unit. FLAT
 * ignores unitAmount. Clamping before or after rounding gives the same result (the bounds are whole).
 */
export function priceFor(table: Pick<RateTable, 'currency' | 'base' | 'modifiers' | 'minimum' | 'maximum'>, measures: Measures): PriceOutcome {
  const missing = measuresNeeded(table).filter((name) => measures[MEASURE_KEY[name]] === null);
  if (missing.length > 0) return { ok: false, missing };

  let amount = table.base.amount;
  if (table.base.method !== 'FLAT') amount += (table.base.unitAmount ?? 0) * (measureIn(table.base.method, measures) ?? 0);
  for (const modifier of table.modifiers) {
    amount += modifier.unitAmount * Math.max(0, (measureIn(modifier.metric, measures) ?? 0) - modifier.above);
  }
  if (table.minimum !== undefined) amount = Math.max(amount, table.minimum);
  if (table.maximum !== undefined) amount = Math.min(amount, table.maximum);
  return { ok: true, price: { amount: roundHalfUp(amount), currency: table.currency } };
}
