import type { ServiceAssessment } from './assess-service';
import { invalidService, requestedDueByNotMet, serviceNotAssigned, serviceNotEligible } from './draft-reasons';
import { isEligible, type Selection, whyNoneEligible } from './pick-service';

/**
 * A service the order asks for by code is used only if it exists, is assigned to the client and is
 * eligible for the order, and meets Due By; otherwise the order becomes a Draft saying so. It is never
 * silently re-routed to another service (PRODUCT 1.3). Codes match exactly, as the courier wrote them.
 */
export function pickRequested(
  code: string,
  assessments: ServiceAssessment[],
  courierServiceCodes: string[],
  dueBy: number | null,
  timezone: string,
): Selection {
  const requested = assessments.find((a) => a.service.code === code);
  if (!requested) {
    const exists = courierServiceCodes.includes(code);
    return { pick: null, reasons: [exists ? serviceNotAssigned(code, assessments) : invalidService(code, assessments)] };
  }
  if (requested.unfit.length > 0) {
    return { pick: null, reasons: [serviceNotEligible(requested, assessments.filter((a) => a !== requested))] };
  }
  if (!isEligible(requested)) return { pick: null, reasons: whyNoneEligible([requested]) };
  if (dueBy !== null && requested.windowEnd > dueBy) return { pick: null, reasons: [requestedDueByNotMet(requested, dueBy, timezone)] };
  return { pick: requested, reasons: [] };
}
