import type { IntegrationEventOutcome } from '@portal/contracts/http';
import { IntegrationEventOutcomeSchema, ReplayableOutcomeSchema } from '@portal/contracts/http';
import { orderManagementApi } from '../../api/order-management';
import { Badge } from '../../components/Badge';
import { ClientSelect } from '../../components/ClientSelect';
import { DateTime } from '../../components/DateTime';
import { EmptyState } from '../../components/EmptyState';
import { Field } from '../../components/Field';
import { FilterBar } from '../../components/FilterBar';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { Section } from '../../components/Section';
import { OUTCOME_TONE, OUTCOME_WORDS, PLATFORM_WORDS } from '../../format/words';
import { useClientsDirectory } from '../../hooks/clients-directory';
import { PAGE_SIZE, useCursorPages } from '../../hooks/use-cursor-pages';
import { useQueryParams } from '../../hooks/use-query-param';
import { useSession } from '../../session/session-context';
import { BulkReplay } from './BulkReplay';
import { ReplayButton } from './ReplayButton';
import { WhatBecameOfIt } from './WhatBecameOfIt';

const isOutcome = (value: string): value is IntegrationEventOutcome => (IntegrationEventOutcomeSchema.options as readonly string[]).includes(value);
const replayable = ReplayableOutcomeSchema.safeParse.bind(ReplayableOutcomeSchema);

/** What arrived from each connection and what became of it, so a person sees why an order did not appear. */
export function EventsPage() {
  const session = useSession();
  const { byId } = useClientsDirectory();
  const [filter, setFilter] = useQueryParams(['clientId', 'outcome', 'reasonCode'] as const);
  const outcome = isOutcome(filter.outcome) ? filter.outcome : undefined;
  const reasonCode = filter.reasonCode.trim().toUpperCase() || undefined;
  const pages = useCursorPages(filter, (cursor, signal) =>
    orderManagementApi.listEvents({ clientId: filter.clientId || undefined, outcome, reasonCode }, { cursor, limit: PAGE_SIZE, signal }),
  );
  const bulkOutcome = outcome ? replayable(outcome) : undefined;
  const zone = (clientId: string) => byId(clientId)?.timezone ?? 'UTC';
  const refreshSoon = () => {
    pages.reload();
    // A replay is queued, not done: look again once it has had a moment to run.
    setTimeout(pages.reload, 1500);
  };

  return (
    <>
      <PageHeader title="Integration events" description="Every event your clients' stores sent, and what became of it: an order, a draft, a repeat, or refused with the reason." />
      <FilterBar label="Filter integration events">
        {session.isCourier && (
          <Field label="Client">
            <ClientSelect value={filter.clientId} onChange={(clientId) => setFilter({ clientId })} />
          </Field>
        )}
        <Field label="Outcome">
          <select value={filter.outcome} onChange={(e) => setFilter({ outcome: e.target.value })}>
            <option value="">Every outcome</option>
            {IntegrationEventOutcomeSchema.options.map((o) => (
              <option key={o} value={o}>
                {o.charAt(0) + o.slice(1).toLowerCase()}: {OUTCOME_WORDS[o].toLowerCase()}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Reason code">
          <input value={filter.reasonCode} onChange={(e) => setFilter({ reasonCode: e.target.value })} placeholder="Such as NO_PICKUP_ADDRESS" spellCheck={false} />
        </Field>
        {session.isCourier && bulkOutcome?.success && (
          <BulkReplay filter={{ outcome: bulkOutcome.data, clientId: filter.clientId || undefined, reasonCode }} onReplayed={refreshSoon} />
        )}
      </FilterBar>
      <Section title="Events" description="Newest first." actions={<button type="button" className="button button--small button--ghost" onClick={pages.reload}>Refresh</button>}>
        <LoadingState loading={pages.loading} error={pages.error} what="Loading the integration events" onRetry={pages.reload} hasData={pages.items.length > 0}>
          {pages.items.length === 0 ? (
            <EmptyState title="No events match">Events appear as soon as a connected store sends one.</EmptyState>
          ) : (
            <ResponsiveTable
              caption="Integration events"
              rows={pages.items}
              rowKey={(e) => e.id}
              columns={[
                { header: 'Received', cell: (e) => <DateTime iso={e.receivedAt} timeZone={zone(e.clientId)} /> },
                { header: 'Client', cell: (e) => byId(e.clientId)?.name ?? <span className="muted">Unknown client</span> },
                {
                  header: 'Event',
                  cell: (e) => (
                    <div className="stack stack--tight">
                      <span>{e.externalOrderId ?? <span className="muted">No order id</span>}</span>
                      <span className="muted">
                        {PLATFORM_WORDS[e.platform]}
                        {e.eventType ? ` · ${e.eventType}` : ''}
                      </span>
                    </div>
                  ),
                },
                { header: 'Outcome', cell: (e) => <Badge tone={OUTCOME_TONE[e.outcome]}>{e.outcome}</Badge> },
                { header: 'What became of it', cell: (e) => <WhatBecameOfIt event={e} /> },
                {
                  header: 'Actions',
                  cell: (e) => (session.isCourier && replayable(e.outcome).success ? <ReplayButton event={e} onReplayed={refreshSoon} /> : null),
                },
              ]}
            />
          )}
          <Pager pages={pages} label="Integration events" />
        </LoadingState>
      </Section>
    </>
  );
}
