import type { RateTable, Reason, Service, ServiceQuote } from '@portal/contracts';
import { completionWindow } from './completion-window';
import { describeTask } from './describe';
import { limitReasons, type OrderFacts, tasksOf } from './eligibility';
import { type PriceOutcome, priceFor } from './price';
import { locationUnknown, MISSING_PIECES, MISSING_WEIGHT, NO_PICKUP, noWindow } from './quote-reasons';
import { toKg, type WeightUnit } from './units';

/** A service the courier assigned to the client, with the rate table it is priced by for that client. */
export interface AssignedService {
  service: Service;
  rateTable: RateTable;
}

export interface AssessmentContext {
  facts: OrderFacts;
  /** max(Ready By, now). */
  readyBy: Date;
  timezone: string;
  units: WeightUnit;
  /** Null when either task has no coordinates (or there is no pickup). */
  distanceKm: number | null;
}

/** One service's quote, with what the rules compare and why it is not eligible, split by remedy. */
export interface ServiceAssessment {
  service: Service;
  quote: ServiceQuote;
  price: number | null;
  windowEnd: number | null;
  /** Facts the order lacks (weight, pieces, pickup, coordinates): adding them may make it eligible. */
  missingFacts: Reason[];
  /** The service's own limits or calendar rule the order out as it stands. */
  unfit: Reason[];
}

export function assessService({ service, rateTable }: AssignedService, context: AssessmentContext): ServiceAssessment {
  const { facts, readyBy, timezone } = context;
  const priced = priceFor(rateTable, { distanceKm: context.distanceKm, weightKg: facts.weight && toKg(facts.weight), pieces: facts.pieces });
  const missingFacts = [
    ...(facts.pickup ? [] : [NO_PICKUP]),
    ...(facts.weight ? [] : [MISSING_WEIGHT]),
    ...(facts.pieces === null ? [MISSING_PIECES] : []),
    ...locationReasons(service, priced, facts),
  ];
  const window = completionWindow(service, readyBy, timezone);
  const unfit = [...limitReasons(service, facts, context.units), ...(window ? [] : [noWindow(service, readyBy, timezone)])];
  // Weight and pieces are required to quote whatever the method (PRODUCT 2.1), as in the quote tool.
  const price = priced.ok && facts.weight && facts.pieces !== null ? priced.price : null;
  return {
    service,
    quote: {
      serviceId: service.id,
      code: service.code,
      eligible: missingFacts.length === 0 && unfit.length === 0 && price !== null,
      reasons: [...missingFacts, ...unfit],
      price,
      completionWindow: window && { start: window.start.toISOString(), end: window.end.toISOString() },
    },
    price: price && price.amount,
    windowEnd: window && +window.end,
    missingFacts,
    unfit,
  };
}

/** Coordinates the service needs (for its area, for distance pricing) that a task lacks. */
function locationReasons(service: Service, priced: PriceOutcome, facts: OrderFacts): Reason[] {
  const needs = [
    ...(service.area ? ['its service area'] : []),
    ...(!priced.ok && priced.missing.includes('distance') ? ['distance pricing'] : []),
  ];
  const unlocated = tasksOf(facts).filter(({ task }) => !task.address.location);
  if (needs.length === 0 || unlocated.length === 0) return [];
  const tasks = unlocated.map(({ name, task }) => ({ name, description: describeTask(name, task) }));
  return [locationUnknown(tasks, `${service.code} needs for ${needs.join(' and ')}`)];
}
