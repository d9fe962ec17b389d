import type { Client, ClientIntegrationSummary } from '@portal/contracts/http';
import type { ConnectionCounts } from './silent-connections';

/** One client on the Overview: its day in numbers and its connections. */
export interface OverviewRow extends ClientIntegrationSummary {
  client: Client;
  problems: number;
  connections: ConnectionCounts;
}

/** A client order management has not heard of since `since`: a row of zeros. */
const noActivity = (clientId: string): ClientIntegrationSummary => ({
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

/** Clients that need a look first: refused or failed events, then drafts, then silence; then the busiest. */
export function overviewRows(clients: Client[], summaries: ClientIntegrationSummary[], connections: Map<string, ConnectionCounts>): OverviewRow[] {
  const byId = new Map(summaries.map((s) => [s.clientId, s]));
  return clients
    .map((client) => {
      const s = byId.get(client.id) ?? noActivity(client.id);
      return { ...s, client, problems: s.eventsRejected + s.eventsFailed, connections: connections.get(client.id) ?? { total: 0, silent: 0 } };
    })
    .sort(
      (a, b) =>
        b.problems - a.problems ||
        b.draftsWaiting - a.draftsWaiting ||
        b.connections.silent - a.connections.silent ||
        b.ordersPlaced - a.ordersPlaced ||
        a.client.name.localeCompare(b.client.name),
    );
}
