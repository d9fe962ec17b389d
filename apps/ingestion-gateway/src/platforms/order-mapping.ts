import { CanonicalOrderCancelledEventSchema, CanonicalOrderEventSchema, DateTimeInputSchema } from '@portal/contracts';
import type { CanonicalOrderCancelledEvent, ConnectionSettings, ErrorDetail, Weight } from '@portal/contracts';
import { zodDetails } from '@portal/service-kit';
import { isLosslessNumber } from 'lossless-json';
import { ignoredReading, type DeliveryReading } from './platform-adapter';

/** The default statuses that create an order (WooCommerce; PRODUCT 2.1). */
export const DEFAULT_CREATE_ON_STATUSES = ['processing', 'on-hold'];

/** The default statuses whose order.updated cancels the order (WooCommerce; PRODUCT 1.5). */
export const DEFAULT_CANCEL_ON_STATUSES = ['cancelled', 'refunded', 'failed'];

/** An address as read from a platform, before validation against the canonical schema. */
export interface AddressDraft {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  location?: { lat: number; lng: number };
}

export interface ContactDraft {
  name?: string;
  phone?: string;
  email?: string;
}

/** The canonical event as an adapter assembles it; checked against CanonicalOrderEventSchema before use. */
export interface EventDraft {
  id: string;
  type: 'order.created' | 'order.updated';
  occurredAt: string;
  order: {
    externalId: string;
    reference?: string;
    dropoff: { address: AddressDraft; contact: ContactDraft; completeAfter?: string; completeBefore?: string; notes?: string };
    weight?: Weight;
    pieces?: number;
    notes?: string;
  };
}

/**
 * Pieces per the connection's setting: FIXED gives its value, NONE gives none, and ITEM_QUANTITY (the
 * default) sums the quantities of the items that need shipping (none when that sum is not positive).
 */
export function piecesFor(setting: ConnectionSettings['pieces'], shippedQuantities: number[]): number | undefined {
  const mode = setting ?? { mode: 'ITEM_QUANTITY' as const };
  if (mode.mode === 'FIXED') return mode.value;
  if (mode.mode === 'NONE') return undefined;
  const total = shippedQuantities.reduce((sum, q) => sum + (Number.isInteger(q) && q > 0 ? q : 0), 0);
  return total > 0 ? total : undefined;
}

/** Grams as a canonical weight in kilograms; none when not positive. */
export function gramsToWeight(grams: number): Weight | undefined {
  return grams > 0 ? { value: grams / 1000, unit: 'kg' } : undefined;
}

const DATE_ONLY = /^(\d{4})[-/](\d{2})[-/](\d{2})$/;
const DATE_TIME = /^(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export type WindowEdge = 'completeAfter' | 'completeBefore';
export type WindowRead = { ok: true; value: string } | { ok: false; message: string };

/**
 * A delivery-window value as delivery-date apps store it, read into the canonical date-time form.
 * Accepted: ISO 8601 with or without an offset ("T" or a space between date and time; "/" or "-" in
 * the date), a date alone (the start of that day for completeAfter, its last second for
 * completeBefore), and Unix seconds or milliseconds. Values without an offset stay without one: order
 * management reads them in the client's timezone, never in the server's.
 */
export function readWindowValue(raw: unknown, edge: WindowEdge): WindowRead {
  if (isLosslessNumber(raw) || (typeof raw === 'string' && /^\s*\d{10}(\d{3})?\s*$/.test(raw))) {
    const digits = isLosslessNumber(raw) ? raw.value : raw.trim();
    if (/^\d{10}(\d{3})?$/.test(digits)) {
      const ms = digits.length === 10 ? Number(digits) * 1000 : Number(digits);
      return { ok: true, value: new Date(ms).toISOString() };
    }
  }
  if (typeof raw !== 'string') return { ok: false, message: 'is not a date-time' };
  const value = raw.trim();
  const dateOnly = DATE_ONLY.exec(value);
  let candidate: string | undefined;
  if (dateOnly) {
    candidate = `${dateOnly[1]}-${dateOnly[2]}-${dateOnly[3]}T${edge === 'completeAfter' ? '00:00:00' : '23:59:59'}`;
  } else {
    const dateTime = DATE_TIME.exec(value);
    if (dateTime) {
      const time = dateTime[4].length === 5 ? `${dateTime[4]}:00` : dateTime[4];
      candidate = `${dateTime[1]}-${dateTime[2]}-${dateTime[3]}T${time}${dateTime[5] ?? ''}`;
    }
  }
  if (candidate && DateTimeInputSchema.safeParse(candidate).success) return { ok: true, value: candidate };
  return { ok: false, message: `"${value.slice(0, 100)}" is not a date-time we can read (use ISO 8601 such as 2026-11-24T15:00:00, or a date such as 2026-11-24)` };
}

/**
 * Reads the delivery window from key/value pairs (Shopify note attributes, WooCommerce meta data) under
 * the keys the connection's settings name. A named key that is absent leaves that edge open; one that is
 * present but unreadable is a problem, listed with `where` (the platform's own field).
 */
export function readWindow(
  settings: ConnectionSettings,
  lookup: (key: string) => unknown,
  where: (key: string) => string,
  problems: ErrorDetail[],
): { completeAfter?: string; completeBefore?: string } {
  const window: { completeAfter?: string; completeBefore?: string } = {};
  for (const edge of ['completeAfter', 'completeBefore'] as const) {
    const key = settings.windowKeys?.[edge];
    if (!key) continue;
    const raw = lookup(key);
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) continue;
    const read = readWindowValue(raw, edge);
    if (read.ok) window[edge] = read.value;
    else problems.push({ path: where(key), message: read.message });
  }
  return window;
}

/** Finds a key/value pair by exact key, else by key ignoring case and surrounding spaces. */
export function valueForKey(pairs: { key: string | undefined; value: unknown }[], key: string): unknown {
  const exact = pairs.find((p) => p.key === key);
  if (exact) return exact.value;
  const wanted = key.trim().toLowerCase();
  return pairs.find((p) => p.key?.trim().toLowerCase() === wanted)?.value;
}

/** Phones are free text: keep what was sent, only cut to the length the order model stores. */
export const keepPhone = (phone: string | undefined): string | undefined => phone?.slice(0, 50);

/** A copy without the keys whose value is undefined (so the stored event carries no empty keys). */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The first of several candidate texts that is present. */
export const firstText = (...candidates: (string | undefined)[]): string | undefined => candidates.find((c) => c !== undefined && c.length > 0);

export const joinName = (first: string | undefined, last: string | undefined): string | undefined =>
  firstText([first, last].filter((p): p is string => !!p).join(' '));

/**
 * The last step of every platform adapter that reads a whole order (a create or an update): the
 * assembled event must be a valid canonical event. One that is not (or that collected problems on
 * the way) cannot become a delivery: it is recorded as REJECTED with every problem listed, and
 * answered 200, because the platform resending the same bytes cannot fix it (and WooCommerce
 * disables a webhook after a few failed deliveries in a row).
 */
export function finishReading(draft: EventDraft, problems: ErrorDetail[], context: string, mayCreate = true): DeliveryReading {
  const parsed = CanonicalOrderEventSchema.safeParse(draft);
  const details = [...problems, ...(parsed.success ? [] : zodDetails(parsed.error))];
  if (parsed.success && details.length === 0) {
    return { kind: 'event', externalEventId: parsed.data.id, externalOrderId: parsed.data.order.externalId, event: parsed.data, mayCreate };
  }
  return ignoredReading(
    'UNDELIVERABLE',
    `This order cannot become a delivery: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}.${context ? ` ${context}` : ''}`,
    { externalEventId: draft.id, externalOrderId: draft.order.externalId },
    'REJECTED',
  );
}

/** A cancellation, checked against its canonical schema like every event an adapter produces. */
export function cancellationReading(draft: CanonicalOrderCancelledEvent): DeliveryReading {
  const parsed = CanonicalOrderCancelledEventSchema.safeParse(draft);
  if (parsed.success) return { kind: 'event', externalEventId: parsed.data.id, externalOrderId: parsed.data.order.externalId, event: parsed.data, mayCreate: false };
  return ignoredReading(
    'UNDELIVERABLE',
    `This cancellation cannot be read: ${zodDetails(parsed.error).map((d) => `${d.path}: ${d.message}`).join('; ')}.`,
    { externalEventId: draft.id, externalOrderId: draft.order.externalId },
    'REJECTED',
  );
}

/** A source time with an offset, as given; undefined when it has none or is not a real date-time. */
export function instantWithOffset(candidate: string | undefined): string | undefined {
  if (!candidate || !/(Z|[+-]\d{2}:?\d{2})$/i.test(candidate)) return undefined;
  return DateTimeInputSchema.safeParse(candidate).success ? candidate : undefined;
}
