import type { Location } from '@portal/contracts';

/** The mean Earth radius (IUGG) that PRODUCT 2.1 prices distance with. */
export const EARTH_RADIUS_KM = 6371.0088;

const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance on a sphere (haversine), in km: what distance rates are priced on. */
export function haversineKm(a: Location, b: Location): number {
  const dLat = radians(b.lat - a.lat);
  const dLng = radians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
  // min() keeps asin's argument in range when rounding pushes h a hair above 1 (antipodal points).
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
