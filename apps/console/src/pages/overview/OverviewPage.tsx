import { useMemo } from 'react';
import { Button } from '../../components/Button';
import { DateTime } from '../../components/DateTime';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { Section } from '../../components/Section';
import { orderManagementApi } from '../../api/order-management';
import { formatAgo } from '../../format/time';
import { useClientsDirectory } from '../../hooks/clients-directory';
import { useLoad } from '../../hooks/use-load';
import { Link } from '../../routing/Link';
import { withQuery } from '../../routing/location';
import { paths } from '../../routing/routes';
import { KpiTile } from './KpiTile';
import { OverviewChart } from './OverviewChart';
import { overviewRows } from './overview-rows';
import { connectionCounts } from './silent-connections';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How every client's integrations did in the last 24 hours, at a glance (courier only). */
export function OverviewPage() {
  const directory = useClientsDirectory();
  const clientIds = useMemo(() => directory.clients.map((c) => c.id), [directory.clients]);
  const key = clientIds.join(',');
  const loaded = useLoad(
    async (signal) => {
      const since = new Date(Date.now() - DAY_MS).toISOString();
      const [summary, connections] = await Promise.all([orderManagementApi.integrationSummary({ since }, signal), connectionCounts(clientIds, signal)]);
      return { summary, connections, at: new Date().toISOString() };
    },
    [key],
  );
  const rows = loaded.data ? overviewRows(directory.clients, loaded.data.summary.clients, loaded.data.connections) : [];
  const total = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((sum, r) => sum + pick(r), 0);

  return (
    <>
      <PageHeader
        title="Overview"
        description="How each client's integrations did in the last 24 hours. Clients that need a look come first."
        actions={
          <Button onClick={loaded.reload} pending={loaded.loading && loaded.data !== undefined} pendingText="Refreshing…">
            Refresh
          </Button>
        }
      />
      <LoadingState loading={loaded.loading || directory.loading} error={loaded.error} what="Reading the last 24 hours" onRetry={loaded.reload} hasData={loaded.data !== undefined}>
        {loaded.data && (
          <div className="sections">
            <div className="kpis">
              <KpiTile label="Orders placed" value={`${total((r) => r.ordersPlaced)}`} tone="ok" to={withQuery(paths.orders, { status: 'PLACED' })} hint="last 24 h" />
              <KpiTile label="Drafts waiting" value={`${total((r) => r.draftsWaiting)}`} tone="warn" to={paths.drafts} hint="to fix and finalise" />
              <KpiTile label="Rejected or failed" value={`${total((r) => r.problems)}`} tone={total((r) => r.problems) > 0 ? 'danger' : 'neutral'} to={withQuery(paths.events, { outcome: 'REJECTED' })} hint="events, last 24 h" />
              <KpiTile label="Silent connections" value={`${total((r) => r.connections.silent)}`} tone={total((r) => r.connections.silent) > 0 ? 'danger' : 'neutral'} to={paths.clients} hint="stopped sending" />
            </div>
            {rows.length === 0 ? (
              <EmptyState title="No clients yet">
                <Link to={paths.clients}>Create a client</Link> to start receiving orders.
              </EmptyState>
            ) : (
              <>
                <Section title="Per client" description={`Last 24 hours, read ${formatAgo(loaded.data.at)}.`}>
                  <OverviewChart rows={rows} />
                </Section>
                <Section title="The numbers">
                  <ResponsiveTable
                    caption="Per client, last 24 hours"
                    rows={rows}
                    rowKey={(r) => r.clientId}
                    columns={[
                      { header: 'Client', cell: (r) => <Link to={paths.integrationSettings(r.clientId)} className="strong-link">{r.client.name}</Link> },
                      { header: 'Events', numeric: true, cell: (r) => r.eventsReceived },
                      { header: 'Placed', numeric: true, cell: (r) => r.ordersPlaced },
                      { header: 'Drafts', numeric: true, cell: (r) => (r.draftsWaiting > 0 ? <Link to={withQuery(paths.drafts, { clientId: r.clientId })}>{r.draftsWaiting}</Link> : 0) },
                      {
                        header: 'Rejected or failed',
                        numeric: true,
                        cell: (r) => (r.problems > 0 ? <Link to={withQuery(paths.events, { clientId: r.clientId, outcome: r.eventsRejected > 0 ? 'REJECTED' : 'FAILED' })}>{r.problems}</Link> : 0),
                      },
                      { header: 'Silent', numeric: true, cell: (r) => `${r.connections.silent} of ${r.connections.total}` },
                      { header: 'Last event', cell: (r) => <DateTime iso={r.lastEventAt} timeZone={r.client.timezone} empty="None today" /> },
                    ]}
                  />
                </Section>
              </>
            )}
          </div>
        )}
      </LoadingState>
    </>
  );
}
