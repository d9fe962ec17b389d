import type { IntakeAcceptedJob, IntegrationEventOutcome, OrderService, QuoteResult, Reason } from '@portal/contracts';
import { buildDraftableOrder, buildOrder, type BuiltOrder, type DraftableOrder, type OrderClient, type OrderReason } from '@portal/order-domain';
import { chosenService } from '../quote-client/quotable';

/**
 * The life of an accepted integration event, in one place (docs/architecture.md draws it):
 *
 *   accepted --cannot be built---------------------------------------------> REJECTED
 *   accepted --built, client without Rates and Services--------------------> PLACED | DUPLICATE
 *   accepted --client with Rates and Services--> PENDING --quote answered--> PLACED | DRAFT | DUPLICATE
 *
 * Every settled outcome is final: processing an event again finds its log row and writes nothing.
 * Deliveries the gateway answered without accepting them arrive already settled (DUPLICATE,
 * REJECTED or IGNORED) and are only recorded. The ledger writes each step; this file decides them.
 */
export type IntakeState = IntegrationEventOutcome;

/** From which state each state may be reached (`null`: the event has no log row yet). */
export const REACHED_FROM: Record<IntakeState, readonly (IntakeState | null)[]> = {
  PENDING: [null],
  PLACED: [null, 'PENDING'],
  DRAFT: ['PENDING'],
  DUPLICATE: [null, 'PENDING'],
  REJECTED: [null],
  IGNORED: [null],
};

/** A client as intake needs it. */
export interface IntakeClient extends OrderClient {
  usesRatesAndServices: boolean;
}

/** The first step of an accepted event. */
export type IntakeStep =
  | { next: 'REJECTED'; reason: OrderReason }
  /** Placed at once, without a quote (the order may still turn out to be a DUPLICATE). */
  | { next: 'PLACED'; order: BuiltOrder }
  /** Claimed as PENDING, then quoted in a flow; a missing pickup is a Draft reason quoting reports. */
  | { next: 'PENDING'; order: DraftableOrder };

export function firstStep(job: IntakeAcceptedJob, client: IntakeClient): IntakeStep {
  const input = { order: job.event.order, client, receivedAt: new Date(job.receivedAt) };
  if (client.usesRatesAndServices) {
    const draftable = buildDraftableOrder(input);
    return draftable.ok ? { next: 'PENDING', order: draftable.order } : { next: 'REJECTED', reason: draftable.reason };
  }
  const built = buildOrder(input);
  return built.ok ? { next: 'PLACED', order: built.order } : { next: 'REJECTED', reason: built.reason };
}

/** What decides an order's status: a service for a quoted placement, reasons for a Draft. */
export type Placement = { status: 'PLACED'; service: OrderService | null } | { status: 'DRAFT'; draftReasons: Reason[] };

const QUOTE_FAILED: Reason = {
  code: 'QUOTE_FAILED',
  message: 'Quoting could not answer for this order; finalise it to quote it again.',
};

/** A PENDING event once quoting answered (null: quoting failed for good): placed with the picked service, or a Draft. */
export function afterQuote(result: QuoteResult | null): Placement {
  const service = result ? chosenService(result) : null;
  if (result && service) return { status: 'PLACED', service };
  return { status: 'DRAFT', draftReasons: result?.draftReasons.length ? result.draftReasons : [QUOTE_FAILED] };
}
