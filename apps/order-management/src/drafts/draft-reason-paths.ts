import type { ErrorDetail, Reason } from '@portal/contracts';

/** Where a person fixes each reason, as a field path of PATCH /v1/orders/{id}. */
const PATH_BY_CODE: Record<string, string> = {
  MISSING_WEIGHT: 'weight',
  MISSING_PIECES: 'pieces',
  INVALID_SERVICE: 'serviceCode',
  UNSUPPORTED_SERVICE: 'serviceCode',
  DUE_BY_NOT_MET: 'dropoff.completeBefore',
  NO_PICKUP_ADDRESS: 'pickup',
  LOCATION_UNKNOWN: 'dropoff.address.location',
};

export const reasonDetails = (reasons: Reason[]): ErrorDetail[] =>
  reasons.map((r) => ({ path: PATH_BY_CODE[r.code] ?? 'order', message: `${r.code}: ${r.message}` }));
