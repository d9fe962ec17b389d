/**
 * Rounds an amount of minor units half up to a whole minor unit (PRODUCT 2.1).
 *
 * Prices are sums of decimal rates times measures, which binary floating point cannot hold exactly:
 * 0.35 x 90 is 31.499999999999996, not 31.5, and would round down. Snapping to a millionth of a
 * minor unit first (far below any rate a courier sets, far above floating error at these sizes)
 * restores the decimal value, so a true .5 always rounds up.
 */
export function roundHalfUp(minorUnits: number): number {
  const snapped = Math.round(minorUnits * 1e6) / 1e6;
  return Math.floor(snapped + 0.5);
}
