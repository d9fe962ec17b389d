import type { IntegrationEvent, Order, Page } from '@portal/contracts/http';
import { MAX_PAGE_LIMIT } from '@portal/contracts/http';
import { orderManagementApi } from '../../api/order-management';
import type { ClientIntegrationSummary, IntegrationSummary } from './integration-summary';

// Enough for a busy day on a console page; beyond it the numbers say "at least".
const MAX_PAGES = 25;

export interface Summarised {
  summary: IntegrationSummary;
  /** Some list had more pages than were read: the counts are lower bounds. */
  partial: boolean;
}

/**
 * Newest-first pages, until an item is older than `since` when one is given: the lists have no
 * time filter, but their order lets the reading stop early.
 */
async function readPages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, olderThan?: (item: T) => boolean): Promise<{ items: T[]; partial: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await fetchPage(cursor);
    for (const item of answer.items) {
      if (olderThan?.(item)) return { items, partial: false };
      items.push(item);
    }
    if (!answer.nextCursor) return { items, partial: false };
    cursor = answer.nextCursor;
  }
  return { items, partial: true };
}

/** Per client: what arrived since `since`, what it became, and the drafts still waiting (any age). */
export async function summarise(clientIds: string[], since: string, signal: AbortSignal): Promise<Summarised> {
  const page = { limit: MAX_PAGE_LIMIT, signal };
  const [orders, drafts, events] = await Promise.all([
    readPages<Order>((cursor) => orderManagementApi.listOrders({}, { ...page, cursor }), (o) => o.createdAt < since),
    readPages<Order>((cursor) => orderManagementApi.listOrders({ status: 'DRAFT' }, { ...page, cursor })),
    readPages<IntegrationEvent>((cursor) => orderManagementApi.listEvents({}, { ...page, cursor }), (e) => e.receivedAt < since),
  ]);
  const rows = new Map<string, ClientIntegrationSummary>(
    clientIds.map((clientId) => [
      clientId,
      { clientId, ordersPlaced: 0, ordersCancelled: 0, draftsWaiting: 0, eventsReceived: 0, eventsRejected: 0, eventsFailed: 0, eventsIgnored: 0, lastEventAt: null },
    ]),
  );
  const row = (clientId: string) => rows.get(clientId);
  for (const o of orders.items) {
    const r = row(o.clientId);
    if (r && o.status === 'PLACED') r.ordersPlaced++;
    if (r && o.status === 'CANCELLED') r.ordersCancelled++;
  }
  for (const d of drafts.items) {
    const r = row(d.clientId);
    if (r) r.draftsWaiting++;
  }
  for (const e of events.items) {
    const r = row(e.clientId);
    if (!r) continue;
    r.eventsReceived++;
    if (e.outcome === 'REJECTED') r.eventsRejected++;
    if (e.outcome === 'FAILED') r.eventsFailed++;
    if (e.outcome === 'IGNORED') r.eventsIgnored++;
    if (!r.lastEventAt || e.receivedAt > r.lastEventAt) r.lastEventAt = e.receivedAt;
  }
  return { summary: { since, clients: [...rows.values()] }, partial: orders.partial || drafts.partial || events.partial };
}
