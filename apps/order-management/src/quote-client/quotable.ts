import type { OrderService, QuotableOrder, QuoteResult, Task, Weight } from '@portal/contracts';
import type { ChangeableOrder } from '@portal/order-domain';

interface QuotableFields {
  pickup: Task | null;
  dropoff: Task;
  readyBy: Date | string;
  dueBy: Date | string | null;
  weight: Weight | null;
  pieces: number | null;
  serviceCode: string | null;
}

const iso = (value: Date | string): string => (typeof value === 'string' ? value : value.toISOString());

/** What quoting needs of an order, from a built order or a stored one. */
export const toQuotable = (order: QuotableFields): QuotableOrder => ({
  pickup: order.pickup,
  dropoff: order.dropoff,
  readyBy: iso(order.readyBy),
  dueBy: order.dueBy === null ? null : iso(order.dueBy),
  weight: order.weight,
  pieces: order.pieces,
  serviceCode: order.serviceCode,
});

/** The picked service as an order carries it, or null when the quote picked none. */
export function chosenService(result: QuoteResult): OrderService | null {
  if (!result.pick) return null;
  const quote = result.quotes.find((q) => q.serviceId === result.pick?.serviceId);
  if (!quote?.price || !quote.completionWindow) return null;
  return { serviceId: quote.serviceId, code: quote.code, price: quote.price, completionWindow: quote.completionWindow };
}

/** What a change may alter of an order, from a built order or a stored one (PRODUCT 1.5). */
export const toChangeable = (order: QuotableFields & { notes: string | null }): ChangeableOrder => ({ ...toQuotable(order), notes: order.notes });
