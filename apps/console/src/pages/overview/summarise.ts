import type { ClientIntegrationSummary, IntegrationSummary } from '@portal/contracts/http';
import { orderManagementApi } from '../../api/order-management';

const nothingYet = (clientId: string): ClientIntegrationSummary => ({
  clientId,
  ordersPlaced: 0,
  ordersCancelled: 0,
  draftsWaiting: 0,
  eventsReceived: 0,
  eventsRejected: 0,
  eventsFailed: 0,
  eventsIgnored: 0,
  lastEventAt: null,
});

/** Per client, from order management's summary: a client it has never seen gets a row of zeros. */
export async function summarise(clientIds: string[], since: string, signal: AbortSignal): Promise<IntegrationSummary> {
  const summary = await orderManagementApi.integrationSummary({ since }, signal);
  const known = new Map(summary.clients.map((row) => [row.clientId, row]));
  return { since: summary.since, clients: clientIds.map((clientId) => known.get(clientId) ?? nothingYet(clientId)) };
}
