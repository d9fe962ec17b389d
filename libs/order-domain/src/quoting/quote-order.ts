import type { QuotableOrder, QuoteResult, Reason } from '@portal/contracts';
import { type AssignedService, assessService } from './assess-service';
import { haversineKm } from './distance';
import { noEligibleService } from './draft-reasons';
import { byCode, pickByRule, type SelectionRule } from './pick-service';
import { MISSING_PIECES, MISSING_WEIGHT, NO_PICKUP } from './quote-reasons';
import { pickRequested } from './requested-service';
import type { WeightUnit } from './units';

export type { AssignedService } from './assess-service';

export interface QuoteInput {
  /** Times are ISO 8601 UTC strings. */
  order: QuotableOrder;
  /** The client's IANA timezone: windows, cutoffs, hours and blackout dates are read in it. */
  timezone: string;
  /** The client's unit system: weights in messages are shown in it. */
  units: WeightUnit;
  /** The courier's default rule for the client; null is read as FASTEST. */
  rule: SelectionRule | null;
  /** The client's (service, rate table) pairs. */
  assigned: AssignedService[];
  /** Every service code the courier has: tells a code that does not exist from one not assigned. */
  courierServiceCodes: string[];
  now: Date;
}

/**
 * Quotes every service assigned to the client for the order and chooses one (PRODUCT 1.3, 1.4, 2.1):
 * the pick, or the reasons that make the order a Draft; never both, never neither.
 *
 * A null rule means FASTEST: enabling integrations requires a rule, so null only happens for a client
 * whose rule was never set (a preview, a race with settings), and the fastest promise is the one that
 * cannot disappoint a Due By that another service could have met.
 */
export function quoteOrder(input: QuoteInput): QuoteResult {
  const { order, timezone, now } = input;
  const requestedReady = Date.parse(order.readyBy);
  // A Ready By already past counts as now (PRODUCT 1.3).
  const readyBy = new Date(Number.isNaN(requestedReady) ? +now : Math.max(requestedReady, +now));
  const dueBy = order.dueBy === null ? null : Date.parse(order.dueBy);
  const from = order.pickup?.address.location;
  const to = order.dropoff.address.location;
  const distanceKm = from && to ? haversineKm(from, to) : null;

  const context = { facts: order, readyBy, timezone, units: input.units, distanceKm };
  const assessments = [...input.assigned].map((pair) => assessService(pair, context)).sort((a, b) => byCode(a, b) || (a.service.id < b.service.id ? -1 : 1));

  const selection =
    order.serviceCode !== null
      ? pickRequested(order.serviceCode, assessments, input.courierServiceCodes, dueBy, timezone)
      : pickByRule(assessments, input.rule ?? 'FASTEST', dueBy, timezone);

  const draftReasons: Reason[] = [...missingOrderFacts(order), ...selection.reasons];
  // Cannot happen by construction (a service held back only by missing facts names them); kept so
  // that no order is ever left with neither a service nor a reason.
  if (!selection.pick && draftReasons.length === 0) draftReasons.push(noEligibleService(assessments));
  const pick = draftReasons.length === 0 && selection.pick ? { serviceId: selection.pick.service.id, code: selection.pick.service.code } : null;
  return { quotes: assessments.map((a) => a.quote), pick, draftReasons };
}

/** Facts every quote needs, reported once for the order rather than once per service. */
function missingOrderFacts(order: QuotableOrder): Reason[] {
  return [...(order.pickup ? [] : [NO_PICKUP]), ...(order.weight ? [] : [MISSING_WEIGHT]), ...(order.pieces === null ? [MISSING_PIECES] : [])];
}
