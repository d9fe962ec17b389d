import type { Reason } from '@portal/contracts';
import type { ServiceAssessment } from './assess-service';
import { formatLocal, listOf } from './describe';
import { QuoteReasonCode as C } from './quote-reasons';

/** Why no service could be chosen for an order: what makes it a Draft, beyond the facts it lacks. */

const codesOf = (assessments: ServiceAssessment[]): string => listOf(assessments.map((a) => a.service.code)) || 'none';

export const invalidService = (code: string, assigned: ServiceAssessment[]): Reason => ({
  code: C.INVALID_SERVICE,
  message: `The requested service "${code}" does not exist: change the service code to one of the client's services (${codesOf(assigned)}), or remove it to let the client's rule choose.`,
});

export const serviceNotAssigned = (code: string, assigned: ServiceAssessment[]): Reason => ({
  code: C.UNSUPPORTED_SERVICE,
  message: `The requested service "${code}" is not assigned to this client: change the service code to one of the client's services (${codesOf(assigned)}), remove it to let the client's rule choose, or ask the courier to assign ${code} to the client.`,
});

export const serviceNotEligible = (requested: ServiceAssessment, others: ServiceAssessment[]): Reason => {
  const eligible = others.filter((a) => a.quote.eligible);
  const alternatives = eligible.length > 0 ? `Services that can take it as it stands: ${codesOf(eligible)}.` : 'No other service of the client can take it as it stands.';
  return {
    code: C.UNSUPPORTED_SERVICE,
    message: `The requested service "${requested.service.code}" cannot take this order. ${requested.unfit.map((r) => r.message).join(' ')} ${alternatives}`,
  };
};

export const noEligibleService = (assessments: ServiceAssessment[]): Reason => ({
  code: C.NO_ELIGIBLE_SERVICE,
  message:
    assessments.length === 0
      ? 'The client has no services to quote the order with: ask the courier to assign the client at least one service and rate table.'
      : `None of the client's services can take this order. ${assessments.map((a) => `${a.service.code}: ${a.unfit.map((r) => r.message).join(' ')}`).join(' ')}`,
});

/** The order's missing coordinates, for the services that cannot be judged without them. */
export const locationUnknownForOrder = (blocked: ServiceAssessment[]): Reason => {
  const messages = [...new Set(blocked.flatMap((a) => a.missingFacts.filter((r) => r.code === C.LOCATION_UNKNOWN).map((r) => r.message)))];
  return { code: C.LOCATION_UNKNOWN, message: messages.join(' ') };
};

export const dueByNotMet = (dueBy: number, earliest: ServiceAssessment, timezone: string): Reason => ({
  code: C.DUE_BY_NOT_MET,
  message: `No eligible service can complete the order by its Due By (${formatLocal(dueBy, timezone)}): the earliest is ${earliest.service.code}, by ${formatLocal(earliest.windowEnd ?? dueBy, timezone)}. Move the Due By later or the Ready By earlier.`,
});

export const requestedDueByNotMet = (requested: ServiceAssessment, dueBy: number, timezone: string): Reason => ({
  code: C.DUE_BY_NOT_MET,
  message: `The requested service "${requested.service.code}" completes the order by ${formatLocal(requested.windowEnd ?? dueBy, timezone)}, after its Due By (${formatLocal(dueBy, timezone)}): move the Due By later, or choose a faster service.`,
});
