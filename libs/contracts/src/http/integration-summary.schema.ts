import { z } from 'zod';
import { UtcTimestampSchema } from '../common/time.schema';

/** `since` when the query gives none. */
export const INTEGRATION_SUMMARY_DEFAULT_HOURS = 24;
/** How far back `since` may reach: the counts are range scans over this window, kept bounded. */
export const INTEGRATION_SUMMARY_MAX_DAYS = 31;
/** Rows answered at most (a courier has at most thousands of clients; the page is not paged). */
export const INTEGRATION_SUMMARY_MAX_CLIENTS = 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** `GET /v1/integration-summary`: counts since `since` (default 24 hours ago), for one client or all the key sees. */
export const IntegrationSummaryQuerySchema = z.object({
  since: z.iso
    .datetime({ offset: true, abort: true, error: 'must be an ISO 8601 date-time with an offset, such as 2026-11-24T15:00:00Z' })
    // Checked when the request is read: the window is relative to now.
    .refine((since) => Date.parse(since) <= Date.now(), 'must not be in the future')
    .refine((since) => Date.parse(since) >= Date.now() - INTEGRATION_SUMMARY_MAX_DAYS * DAY_MS, `must be at most ${INTEGRATION_SUMMARY_MAX_DAYS} days ago`)
    .optional()
    .describe(`Start of the counted window: at most ${INTEGRATION_SUMMARY_MAX_DAYS} days ago, not in the future; default ${INTEGRATION_SUMMARY_DEFAULT_HOURS} hours ago.`),
  clientId: z.uuid().optional().describe('Only this client (one outside the key\'s tenant gives no rows, as list filters do).'),
});
export type IntegrationSummaryQuery = z.infer<typeof IntegrationSummaryQuerySchema>;

const CountSchema = z.number().int().nonnegative();

/** How one client's integrations are doing: what happened since `since`, and the drafts open now. */
export const ClientIntegrationSummarySchema = z.object({
  clientId: z.uuid(),
  ordersPlaced: CountSchema.describe('Orders created since `since` that are placed now (straight from intake, or a draft finalised since).'),
  ordersCancelled: CountSchema.describe('Orders cancelled since `since`, by the store, the courier or the client.'),
  draftsWaiting: CountSchema.describe('Drafts waiting for a person now, however old.'),
  eventsReceived: CountSchema.describe('Entries of the integration event log received since `since` (replays are entries of their own).'),
  eventsRejected: CountSchema.describe('Of those, the ones REJECTED now (the data could not become an order).'),
  eventsFailed: CountSchema.describe('Of those, the ones FAILED now (processing kept failing after every retry).'),
  eventsIgnored: CountSchema.describe('Of those, the ones IGNORED now (nothing to do by design: a test order, a stale or empty change).'),
  lastEventAt: UtcTimestampSchema.nullable().describe('The newest event ever received for the client, however old; null if none was ever logged.'),
});
export type ClientIntegrationSummary = z.infer<typeof ClientIntegrationSummarySchema>;

/** One row per client that ever had an order or an event, sorted by clientId. */
export const IntegrationSummarySchema = z.object({
  since: UtcTimestampSchema.describe('The start of the counted window, as applied.'),
  clients: z
    .array(ClientIntegrationSummarySchema)
    .max(INTEGRATION_SUMMARY_MAX_CLIENTS)
    .describe(`Sorted by clientId; at most ${INTEGRATION_SUMMARY_MAX_CLIENTS} rows (the first by clientId): narrow with clientId for others.`),
});
export type IntegrationSummary = z.infer<typeof IntegrationSummarySchema>;
