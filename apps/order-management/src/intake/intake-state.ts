import type {
  CanonicalOrderCancelledEvent,
  CanonicalOrderStateEvent,
  IntakeAcceptedJob,
  IntegrationEventOutcome,
  OrderCancellation,
  OrderChange,
  OrderService,
  QuoteResult,
  Reason,
} from '@portal/contracts';
import {
  buildDraftableOrder,
  buildOrder,
  changedFields,
  isStale,
  NO_CHANGE,
  ORDER_CANCELLED,
  resolveDateTime,
  STALE,
  type BuiltOrder,
  type DraftableOrder,
  type OrderClient,
  type OrderReason,
} from '@portal/order-domain';
import type { OrderKey } from '../entities/order-key.entity';
import { Order } from '../entities/order.entity';
import { chosenService, toChangeable } from '../quote-client/quotable';

/**
 * The life of an integration event, in one place (docs/architecture.md draws it). The ledger
 * writes each step; this file decides them.
 *
 *   created --cannot be built--------------------------------------------> REJECTED
 *   created --client without Rates and Services--------------------------> PLACED | DUPLICATE | IGNORED (cancelled first)
 *   created --client with Rates and Services--> PENDING --quote answer---> PLACED | DRAFT | DUPLICATE | IGNORED
 *   updated --stale, no change, cancelled order, nothing to create------> IGNORED
 *   updated --applies (Rates and Services: PENDING, quoted first)--------> UPDATED | PLACED | DRAFT | REJECTED (unquotable)
 *   cancelled -----------------------------------------------------------> CANCELLED | IGNORED (stale, already cancelled)
 *   PENDING --processing fails for good----------------------------------> FAILED
 *
 * Every settled outcome is final: processing an event again finds its log row and writes nothing;
 * a replay is a new event. Deliveries the gateway answered without accepting them arrive settled.
 */
export type IntakeState = IntegrationEventOutcome;

/** From which state each state may be reached (`null`: the event has no log row yet). */
export const REACHED_FROM: Record<IntakeState, readonly (IntakeState | null)[]> = {
  PENDING: [null],
  PLACED: [null, 'PENDING'],
  DRAFT: ['PENDING'],
  UPDATED: [null, 'PENDING'],
  CANCELLED: [null],
  DUPLICATE: [null, 'PENDING'],
  REJECTED: [null, 'PENDING'],
  IGNORED: [null, 'PENDING'],
  FAILED: [null, 'PENDING'],
};

/** A client as intake needs it. */
export interface IntakeClient extends OrderClient {
  usesRatesAndServices: boolean;
}

/** An accepted job whose event carries the whole order (a create or an update). */
export type StateJob = IntakeAcceptedJob & { event: CanonicalOrderStateEvent };
export type CancelJob = IntakeAcceptedJob & { event: CanonicalOrderCancelledEvent };

export const isStateJob = (job: IntakeAcceptedJob): job is StateJob => job.event.type !== 'order.cancelled';
export const isCancelJob = (job: IntakeAcceptedJob): job is CancelJob => job.event.type === 'order.cancelled';

/** The source's time of the state an event describes: STALE is judged by it. */
export function sourceTime(job: IntakeAcceptedJob, timezone: string): Date {
  return resolveDateTime(job.event.occurredAt, timezone) ?? new Date(job.receivedAt);
}

/** The first step of a create. */
export type CreateStep =
  | { next: 'REJECTED'; reason: OrderReason }
  /** Placed at once, without a quote (the order may still turn out to be a DUPLICATE). */
  | { next: 'PLACED'; order: BuiltOrder }
  /** Claimed as PENDING, then quoted in a flow; a missing pickup is a Draft reason quoting reports. */
  | { next: 'PENDING'; order: DraftableOrder };

export function createStep(job: StateJob, client: IntakeClient): CreateStep {
  const input = { order: job.event.order, client, receivedAt: new Date(job.receivedAt) };
  if (client.usesRatesAndServices) {
    const draftable = buildDraftableOrder(input);
    return draftable.ok ? { next: 'PENDING', order: draftable.order } : { next: 'REJECTED', reason: draftable.reason };
  }
  const built = buildOrder(input);
  return built.ok ? { next: 'PLACED', order: built.order } : { next: 'REJECTED', reason: built.reason };
}

/**
 * The order an event describes, built as a create would build it (today's client configuration).
 * `arrivedAt` is when the order first arrived (Ready By without a window): the event's own arrival
 * unless an order exists already.
 */
export function build(job: StateJob, client: IntakeClient, arrivedAt = new Date(job.receivedAt)): { ok: true; order: DraftableOrder } | { ok: false; reason: OrderReason } {
  const input = { order: job.event.order, client, receivedAt: arrivedAt };
  return client.usesRatesAndServices ? buildDraftableOrder(input) : buildOrder(input);
}

/** What decides an order's status: a service for a quoted placement, reasons for a Draft. */
export type Placement = { status: 'PLACED'; service: OrderService | null } | { status: 'DRAFT'; draftReasons: Reason[] };

const QUOTE_FAILED: Reason = {
  code: 'QUOTE_FAILED',
  message: 'Quoting could not answer for this order; finalise it to quote it again.',
};

/** A PENDING create once quoting answered (null: quoting failed for good): placed with the picked service, or a Draft. */
export function afterQuote(result: QuoteResult | null): Placement {
  const service = result ? chosenService(result) : null;
  if (result && service) return { status: 'PLACED', service };
  return { status: 'DRAFT', draftReasons: result?.draftReasons.length ? result.draftReasons : [QUOTE_FAILED] };
}

/** What the ledger finds, locked, when it applies a change or a cancellation. */
export interface OrderState {
  key: OrderKey;
  current: Order | null;
}

/** What a change or cancellation does; the ledger writes it with the event's outcome. */
export type ChangeDecision =
  /** Nothing applied; `touch` records the source time seen (a newer state that changed nothing). */
  | { outcome: 'IGNORED' | 'REJECTED'; reason: OrderReason; orderId: string | null; touch?: Date }
  /** Rates and Services: the change must be quoted first. */
  | { outcome: 'PENDING'; orderId: string | null }
  | { outcome: 'PLACED' | 'DRAFT'; order: Order }
  | { outcome: 'UPDATED'; order: Order; changes: OrderChange[] }
  | { outcome: 'CANCELLED'; order: Order | null; cancellation: OrderCancellation };

const ignored = (reason: OrderReason, orderId: string | null, touch?: Date): ChangeDecision => ({ outcome: 'IGNORED', reason, orderId, touch });

const NOT_CREATED: OrderReason = {
  code: 'NO_ORDER',
  message: 'There is no order for this yet, and in its current status the store order creates none: nothing to change.',
};

/** Why a change cannot touch the order, if it cannot: cancelled, or older than what it reflects. */
function blocked(state: OrderState, changeAt: Date): ChangeDecision | null {
  const { key, current } = state;
  if (key.cancellation || current?.status === 'CANCELLED') return ignored(ORDER_CANCELLED, current?.id ?? null);
  if (current && isStale(current.sourceUpdatedAt, changeAt)) return ignored(STALE(current.sourceUpdatedAt as Date, changeAt), current.id);
  return null;
}

/** The order an update describes, and the id it takes if it builds the order (an update before its create). */
export type Candidate = DraftableOrder & { newId: string };

/**
 * A store's update, before any quote (PRODUCT 1.5). `candidate` is the order the event describes.
 * Rates and Services orders are quoted before anything is applied; other orders take the change.
 */
export function decideChange(state: OrderState, job: StateJob, candidate: Candidate, client: IntakeClient, changeAt: Date): ChangeDecision {
  const stop = blocked(state, changeAt);
  if (stop) return stop;
  const { current } = state;
  if (!current && !job.mayCreate) return ignored(NOT_CREATED, null);
  if (current && changedFields(toChangeable(current), toChangeable(candidate)).length === 0) return ignored(NO_CHANGE, current.id, changeAt);
  if (client.usesRatesAndServices) return { outcome: 'PENDING', orderId: current?.id ?? null };
  return applyChange(state, job, candidate, { status: 'PLACED', service: null }, changeAt);
}

/**
 * A Rates and Services change once quoting answered: a Draft takes the change with its reasons
 * recomputed (finalising stays a person's act); a placed order keeps its service while it is still
 * eligible, else the rule picks again; if it can no longer be quoted nothing is applied (REJECTED).
 */
export function decideQuotedChange(state: OrderState, job: StateJob, candidate: Candidate, result: QuoteResult | null, changeAt: Date): ChangeDecision {
  const stop = blocked(state, changeAt);
  if (stop) return stop;
  const { current } = state;
  if (!current) return applyChange(state, job, candidate, afterQuote(result), changeAt);
  if (current.status === 'DRAFT') return applyChange(state, job, candidate, { status: 'DRAFT', draftReasons: result?.draftReasons.length ? result.draftReasons : [QUOTE_FAILED] }, changeAt);
  const service = result ? keptOrPicked(result, current, candidate) : null;
  if (!service) return { outcome: 'REJECTED', reason: unquotable(result), orderId: current.id };
  return applyChange(state, job, candidate, { status: 'PLACED', service }, changeAt);
}

/** The order's service when the change leaves it eligible (and asks for no other), else the rule's pick. */
function keptOrPicked(result: QuoteResult, current: Order, candidate: Candidate): OrderService | null {
  const kept = current.service && candidate.serviceCode === current.serviceCode ? result.quotes.find((q) => q.serviceId === current.service?.serviceId) : undefined;
  if (kept?.eligible && kept.price && kept.completionWindow) return { serviceId: kept.serviceId, code: kept.code, price: kept.price, completionWindow: kept.completionWindow };
  return chosenService(result);
}

function unquotable(result: QuoteResult | null): OrderReason {
  const reasons = result?.draftReasons.length ? result.draftReasons : [QUOTE_FAILED];
  return {
    code: reasons[0].code,
    message: `The change was not applied: the order could no longer be quoted (${reasons.map((r) => `${r.code}: ${r.message}`).join(' ')}). It stays as it was.`,
  };
}

function applyChange(state: OrderState, job: StateJob, candidate: Candidate, placement: Placement, changeAt: Date): ChangeDecision {
  const { current } = state;
  const next = Object.assign(new Order(), {
    ...(current ?? {}),
    pickup: candidate.pickup,
    dropoff: candidate.dropoff,
    readyBy: new Date(candidate.readyBy),
    dueBy: candidate.dueBy === null ? null : new Date(candidate.dueBy),
    weight: candidate.weight,
    pieces: candidate.pieces,
    serviceCode: candidate.serviceCode,
    notes: candidate.notes,
    reference: candidate.reference,
    sourceUpdatedAt: changeAt,
    updatedAt: new Date(),
  });
  if (!current) return createdBy(job, candidate, next, placement, changeAt);
  if (placement.status === 'PLACED') next.service = placement.service;
  else next.draftReasons = placement.draftReasons;
  const changes: OrderChange[] = changedFields(toChangeable(current), toChangeable(next));
  if (!same(current.service, next.service)) changes.push('service');
  if (!same(current.draftReasons, next.draftReasons)) changes.push('draftReasons');
  return changes.length === 0 ? ignored(NO_CHANGE, current.id, changeAt) : { outcome: 'UPDATED', order: next, changes };
}

/** An update that arrived before its create builds the order as a create would. */
function createdBy(job: StateJob, candidate: Candidate, built: Order, placement: Placement, changeAt: Date): ChangeDecision {
  const now = new Date();
  const order = Object.assign(built, {
    id: candidate.newId,
    clientId: job.clientId,
    courierId: job.courierId,
    status: placement.status,
    connectionId: job.connectionId,
    platform: job.platform,
    externalOrderId: job.event.order.externalId,
    receivedAt: new Date(job.receivedAt),
    service: placement.status === 'PLACED' ? placement.service : null,
    draftReasons: placement.status === 'DRAFT' ? placement.draftReasons : [],
    sourceUpdatedAt: changeAt,
    cancellation: null,
    createdAt: now,
    updatedAt: now,
  });
  return { outcome: placement.status, order };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A store's cancellation (PRODUCT 1.5); one that comes before its order is remembered. */
export function decideCancellation(state: OrderState, job: CancelJob, changeAt: Date): ChangeDecision {
  const stop = blocked(state, changeAt);
  if (stop) return stop;
  const cancellation: OrderCancellation = { by: 'integration', reason: job.event.reason ?? null, at: new Date().toISOString() };
  const order = state.current ? Object.assign(new Order(), state.current, { status: 'CANCELLED' as const, cancellation, sourceUpdatedAt: changeAt, updatedAt: new Date() }) : null;
  return { outcome: 'CANCELLED', order, cancellation };
}
