import type { Reason } from '@portal/contracts';
import type { ServiceAssessment } from './assess-service';
import { dueByNotMet, locationUnknownForOrder, noEligibleService } from './draft-reasons';
import { QuoteReasonCode } from './quote-reasons';

export type SelectionRule = 'FASTEST' | 'CHEAPEST';

/** The chosen service, or why none could be chosen (beyond the order-level facts it lacks). */
export interface Selection {
  pick: ServiceAssessment | null;
  reasons: Reason[];
}

export type EligibleAssessment = ServiceAssessment & { price: number; windowEnd: number };

export const isEligible = (a: ServiceAssessment): a is EligibleAssessment => a.quote.eligible && a.price !== null && a.windowEnd !== null;

// Code-point order, not locale order: the same on every machine.
export const byCode = (a: ServiceAssessment, b: ServiceAssessment): number => (a.service.code < b.service.code ? -1 : a.service.code > b.service.code ? 1 : 0);

/** FASTEST: earliest window end; ties by lower price, then service code (PRODUCT 1.3). */
export const fastestFirst = (a: EligibleAssessment, b: EligibleAssessment): number => a.windowEnd - b.windowEnd || a.price - b.price || byCode(a, b);

/** CHEAPEST: lowest price; ties by earlier window end, then service code (PRODUCT 1.3). */
export const cheapestFirst = (a: EligibleAssessment, b: EligibleAssessment): number => a.price - b.price || a.windowEnd - b.windowEnd || byCode(a, b);

/**
 * The courier's rule picks among the eligible services whose window meets Due By (all of them
 * without one). For FASTEST that is the fastest service or none: when the fastest misses Due By,
 * every other one does too. Services that cannot be judged for want of a fact (coordinates) are
 * left out when others are eligible: the order is placed with what can be promised now.
 */
export function pickByRule(assessments: ServiceAssessment[], rule: SelectionRule, dueBy: number | null, timezone: string): Selection {
  const eligible = assessments.filter(isEligible);
  if (eligible.length === 0) return { pick: null, reasons: whyNoneEligible(assessments) };
  const meetsDueBy = eligible.filter((a) => dueBy === null || a.windowEnd <= dueBy);
  if (dueBy !== null && meetsDueBy.length === 0) {
    return { pick: null, reasons: [dueByNotMet(dueBy, [...eligible].sort(fastestFirst)[0], timezone)] };
  }
  const [pick] = [...meetsDueBy].sort(rule === 'CHEAPEST' ? cheapestFirst : fastestFirst);
  return { pick, reasons: [] };
}

/**
 * With no eligible service: when some are held back only by facts the order lacks, saying which
 * facts is what helps (coordinates here; weight, pieces and pickup are reported for the whole order);
 * when every service rules the order out, say why for each.
 */
export function whyNoneEligible(assessments: ServiceAssessment[]): Reason[] {
  const fixable = assessments.filter((a) => a.unfit.length === 0);
  if (fixable.length === 0) return [noEligibleService(assessments)];
  const unlocated = fixable.filter((a) => a.missingFacts.some((r) => r.code === QuoteReasonCode.LOCATION_UNKNOWN));
  return unlocated.length > 0 ? [locationUnknownForOrder(unlocated)] : [];
}
