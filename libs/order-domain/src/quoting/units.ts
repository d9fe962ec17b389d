import type { Weight } from '@portal/contracts';

/** Exact by definition (international pound and mile, 1959): PRODUCT 2.1 converts with these. */
export const KG_PER_LB = 0.45359237;
export const KM_PER_MI = 1.609344;

export type WeightUnit = Weight['unit'];

export function toKg(weight: Weight): number {
  return weight.unit === 'kg' ? weight.value : weight.value * KG_PER_LB;
}

export function fromKg(kg: number, unit: WeightUnit): number {
  return unit === 'kg' ? kg : kg / KG_PER_LB;
}

/**
 * Whether `weight` is over `limit`. In the same unit the numbers compare exactly; across units the
 * conversion is exact in decimals but not in binary floating point, so a weight equal to the limit
 * (20 lb against 9.0718474 kg) could come out a hair above it: differences below a billionth of the
 * limit count as equal.
 */
export function exceedsWeight(weight: Weight, limit: Weight): boolean {
  if (weight.unit === limit.unit) return weight.value > limit.value;
  const limitKg = toKg(limit);
  return toKg(weight) - limitKg > limitKg * 1e-9;
}

/** A weight as a person reads it, in the client's unit system: "25 lb", "9.07 kg". */
export function formatWeight(weight: Weight, unit: WeightUnit): string {
  const value = weight.unit === unit ? weight.value : fromKg(toKg(weight), unit);
  return `${Number(value.toFixed(2))} ${unit}`;
}
