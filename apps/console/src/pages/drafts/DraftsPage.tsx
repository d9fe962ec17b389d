import { orderManagementApi } from '../../api/order-management';
import { ClientSelect } from '../../components/ClientSelect';
import { DateTime } from '../../components/DateTime';
import { EmptyState } from '../../components/EmptyState';
import { Field } from '../../components/Field';
import { FilterBar } from '../../components/FilterBar';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { ReasonList } from '../../components/ReasonList';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { Section } from '../../components/Section';
import { PLATFORM_WORDS } from '../../format/words';
import { useClientsDirectory } from '../../hooks/clients-directory';
import { PAGE_SIZE, useCursorPages } from '../../hooks/use-cursor-pages';
import { useQueryParams } from '../../hooks/use-query-param';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';
import { useSession } from '../../session/session-context';

/** Orders that could not be quoted, each with what is missing; open one to fix and finalise it. */
export function DraftsPage() {
  const session = useSession();
  const { byId } = useClientsDirectory();
  const [filter, setFilter] = useQueryParams(['clientId'] as const);
  const pages = useCursorPages(filter, (cursor, signal) =>
    orderManagementApi.listOrders({ status: 'DRAFT', clientId: filter.clientId || undefined }, { cursor, limit: PAGE_SIZE, signal }),
  );
  return (
    <>
      <PageHeader title="Drafts" description="Orders that arrived but could not be quoted. Add what is missing, then Finalize to place them." />
      {session.isCourier && (
        <FilterBar label="Filter drafts">
          <Field label="Client">
            <ClientSelect value={filter.clientId} onChange={(clientId) => setFilter({ clientId })} />
          </Field>
        </FilterBar>
      )}
      <Section title="Waiting to be fixed" description="Newest first.">
        <LoadingState loading={pages.loading} error={pages.error} what="Loading the drafts" onRetry={pages.reload} hasData={pages.items.length > 0}>
          {pages.items.length === 0 ? (
            <EmptyState title="No drafts waiting">Every order that arrived could be quoted.</EmptyState>
          ) : (
            <ResponsiveTable
              caption="Drafts"
              rows={pages.items}
              rowKey={(o) => o.id}
              columns={[
                {
                  header: 'Order',
                  cell: (o) => (
                    <Link to={paths.draft(o.id)} className="strong-link" aria-label={`Open draft ${o.source.externalOrderId}`}>
                      {o.source.externalOrderId}
                    </Link>
                  ),
                },
                { header: 'Client', cell: (o) => byId(o.clientId)?.name ?? <span className="muted">Unknown client</span> },
                { header: 'From', cell: (o) => PLATFORM_WORDS[o.source.platform] },
                { header: 'What is missing', cell: (o) => <ReasonList reasons={o.draftReasons} compact /> },
                { header: 'Arrived', cell: (o) => <DateTime iso={o.createdAt} timeZone={byId(o.clientId)?.timezone ?? 'UTC'} /> },
              ]}
            />
          )}
          <Pager pages={pages} label="Drafts" />
        </LoadingState>
      </Section>
    </>
  );
}
