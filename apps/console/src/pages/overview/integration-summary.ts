// The shape of GET /v1/integration-summary?since=, which order management is gaining on another
// branch. Until it is merged (its schema: IntegrationSummarySchema in the contracts), the console
// builds the same shape from the list endpoints; at the merge this type becomes the contracts' one
// and summarise() becomes one call.
export interface ClientIntegrationSummary {
  clientId: string;
  ordersPlaced: number;
  ordersCancelled: number;
  draftsWaiting: number;
  eventsReceived: number;
  eventsRejected: number;
  eventsFailed: number;
  eventsIgnored: number;
  lastEventAt: string | null;
}

export interface IntegrationSummary {
  since: string;
  clients: ClientIntegrationSummary[];
}
