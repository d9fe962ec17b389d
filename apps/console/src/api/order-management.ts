import type {
  IntegrationEvent,
  IntegrationSummary,
  IntegrationEventOutcome,
  Order,
  OrderStatus,
  Page,
  ReplayAccepted,
  ReplayEventsRequest,
  ReplaysAccepted,
  UpdateDraft,
} from '@portal/contracts/http';
import type { PageRequest } from './client-settings';
import { apiRequest } from './http';

// The order management API (PRODUCT 2.3), one function per call, typed by the contracts.
const call = <T>(path: string, options?: Parameters<typeof apiRequest>[2]) => apiRequest<T>('order-management', path, options);

export interface OrderFilter {
  status?: OrderStatus;
  clientId?: string;
}

export interface EventFilter {
  clientId?: string;
  outcome?: IntegrationEventOutcome;
  reasonCode?: string;
}

export const orderManagementApi = {
  listOrders: (filter: OrderFilter, page: PageRequest = {}) =>
    call<Page<Order>>('/v1/orders', { query: { ...filter, cursor: page.cursor, limit: page.limit }, signal: page.signal }),
  getOrder: (orderId: string, signal?: AbortSignal) => call<Order>(`/v1/orders/${orderId}`, { signal }),
  editDraft: (orderId: string, body: UpdateDraft) => call<Order>(`/v1/orders/${orderId}`, { method: 'PATCH', body }),
  finalizeDraft: (orderId: string) => call<Order>(`/v1/orders/${orderId}/finalize`, { method: 'POST', body: {} }),
  cancelDraft: (orderId: string) => call<Order>(`/v1/orders/${orderId}/cancel`, { method: 'POST', body: {} }),

  listEvents: (filter: EventFilter, page: PageRequest = {}) =>
    call<Page<IntegrationEvent>>('/v1/integration-events', { query: { ...filter, cursor: page.cursor, limit: page.limit }, signal: page.signal }),
  replayEvent: (eventId: string) => call<ReplayAccepted>(`/v1/integration-events/${eventId}/replay`, { method: 'POST', body: {} }),
  integrationSummary: (query: { since: string; clientId?: string }, signal?: AbortSignal) =>
    call<IntegrationSummary>('/v1/integration-summary', { query, signal }),
  replayEvents: (body: ReplayEventsRequest) => call<ReplaysAccepted>('/v1/integration-events/replay', { method: 'POST', body }),
};
