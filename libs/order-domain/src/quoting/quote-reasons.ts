import type { Reason, Service, Weight } from '@portal/contracts';
import { formatLocal, listOf, type TaskName } from './describe';
import { SEARCH_DAYS } from './completion-window';
import { formatWeight, type WeightUnit } from './units';

/**
 * Why a service cannot take an order, or why an order cannot be placed: machine-readable codes with
 * messages that say what to add or change (PRODUCT 1.4).
 */
export const QuoteReasonCode = {
  MISSING_WEIGHT: 'MISSING_WEIGHT',
  MISSING_PIECES: 'MISSING_PIECES',
  NO_PICKUP_ADDRESS: 'NO_PICKUP_ADDRESS',
  LOCATION_UNKNOWN: 'LOCATION_UNKNOWN',
  INVALID_SERVICE: 'INVALID_SERVICE',
  UNSUPPORTED_SERVICE: 'UNSUPPORTED_SERVICE',
  NO_ELIGIBLE_SERVICE: 'NO_ELIGIBLE_SERVICE',
  DUE_BY_NOT_MET: 'DUE_BY_NOT_MET',
  // Per service only: the service itself rules the order out.
  OUTSIDE_AREA: 'OUTSIDE_AREA',
  OVER_MAX_WEIGHT: 'OVER_MAX_WEIGHT',
  OVER_MAX_PIECES: 'OVER_MAX_PIECES',
  NO_WINDOW: 'NO_WINDOW',
} as const;
export type QuoteReasonCode = (typeof QuoteReasonCode)[keyof typeof QuoteReasonCode];

const C = QuoteReasonCode;

export const MISSING_WEIGHT: Reason = {
  code: C.MISSING_WEIGHT,
  message: "The order has no weight: add its weight (kg or lb); it is needed to price the order and to check each service's weight limit.",
};

export const MISSING_PIECES: Reason = {
  code: C.MISSING_PIECES,
  message: "The order has no number of pieces: add how many pieces it has; it is needed to price the order and to check each service's piece limit.",
};

export const NO_PICKUP: Reason = {
  code: C.NO_PICKUP_ADDRESS,
  message:
    'The order has no pickup address (none was sent and the client has no default pickup address): add a pickup task to the order, or a default pickup address to the client.',
};

export const locationUnknown = (tasks: { name: TaskName; description: string }[], needs: string): Reason => ({
  code: C.LOCATION_UNKNOWN,
  message: `${capitalise(listOf(tasks.map((t) => t.description)))} ${tasks.length > 1 ? 'have' : 'has'} no coordinates, which ${needs}: add the ${listOf(tasks.map((t) => t.name))} location (lat, lng).`,
});

export const outsideArea = (service: Service, name: TaskName, description: string): Reason => ({
  code: C.OUTSIDE_AREA,
  message: `${capitalise(description)} lies outside the service area of ${service.code}: change the ${name} address or choose a service that covers it.`,
});

export const overMaxWeight = (service: Service, weight: Weight, limit: Weight, units: WeightUnit): Reason => ({
  code: C.OVER_MAX_WEIGHT,
  message: `The order weighs ${formatWeight(weight, units)}, over the ${formatWeight(limit, units)} limit of ${service.code}: correct the weight, split the order, or choose another service.`,
});

export const overMaxPieces = (service: Service, pieces: number, limit: number): Reason => ({
  code: C.OVER_MAX_PIECES,
  message: `The order has ${pieces} pieces, over the limit of ${limit} for ${service.code}: correct the pieces, split the order, or choose another service.`,
});

export function noWindow(service: Service, readyBy: Date, timezone: string): Reason {
  const ready = formatLocal(readyBy, timezone);
  const why =
    service.sla.type === 'SAME_DAY'
      ? `Ready By (${ready}) is not before its ${service.sla.cutoff} cutoff on an open day with working time left`
      : service.sla.type === 'WITHIN'
        ? `its hours leave no ${service.sla.minutes}-minute window within ${SEARCH_DAYS} days of Ready By (${ready})`
        : `it has no open day within ${SEARCH_DAYS} days of Ready By (${ready})`;
  return {
    code: C.NO_WINDOW,
    message: `${service.code} cannot complete the order: ${why}. Change the Ready By, or choose another service.`,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
