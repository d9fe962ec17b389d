import type { OrderStatus } from '@portal/contracts/http';
import { OrderStatusSchema } from '@portal/contracts/http';
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
import { formatMoney } from '../../format/money';
import { STATUS_TONE, STATUS_WORDS } from '../../format/words';
import { useClientsDirectory } from '../../hooks/clients-directory';
import { PAGE_SIZE, useCursorPages } from '../../hooks/use-cursor-pages';
import { useQueryParams } from '../../hooks/use-query-param';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';
import { useSession } from '../../session/session-context';

const isStatus = (value: string): value is OrderStatus => (OrderStatusSchema.options as readonly string[]).includes(value);

/** Every order, filtered by status and client; times in each order's client's timezone. */
export function OrdersPage() {
  const session = useSession();
  const { byId } = useClientsDirectory();
  const [filter, setFilter] = useQueryParams(['status', 'clientId'] as const);
  const status = isStatus(filter.status) ? filter.status : undefined;
  const pages = useCursorPages(filter, (cursor, signal) => orderManagementApi.listOrders({ status, clientId: filter.clientId || undefined }, { cursor, limit: PAGE_SIZE, signal }));
  const zone = (clientId: string) => byId(clientId)?.timezone ?? 'UTC';
  return (
    <>
      <PageHeader title="Orders" description="What your clients' stores sent, as orders: placed, drafts waiting, cancelled." />
      <FilterBar label="Filter orders">
        <Field label="Status">
          <select value={filter.status} onChange={(e) => setFilter({ status: e.target.value })}>
            <option value="">Every status</option>
            {OrderStatusSchema.options.map((s) => (
              <option key={s} value={s}>
                {STATUS_WORDS[s]}
              </option>
            ))}
          </select>
        </Field>
        {session.isCourier && (
          <Field label="Client">
            <ClientSelect value={filter.clientId} onChange={(clientId) => setFilter({ clientId })} />
          </Field>
        )}
      </FilterBar>
      <Section title={status ? `${STATUS_WORDS[status]} orders` : 'All orders'} description="Newest first.">
        <LoadingState loading={pages.loading} error={pages.error} what="Loading the orders" onRetry={pages.reload} hasData={pages.items.length > 0}>
          {pages.items.length === 0 ? (
            <EmptyState title="No orders match">Orders appear here as your clients' stores send them.</EmptyState>
          ) : (
            <ResponsiveTable
              caption="Orders"
              rows={pages.items}
              rowKey={(o) => o.id}
              columns={[
                {
                  header: 'Order',
                  cell: (o) => (
                    <Link to={paths.order(o.id)} className="strong-link" aria-label={`Order ${o.source.externalOrderId}`}>
                      {o.source.externalOrderId}
                    </Link>
                  ),
                },
                { header: 'Client', cell: (o) => byId(o.clientId)?.name ?? <span className="muted">Unknown client</span> },
                { header: 'Status', cell: (o) => <Badge tone={STATUS_TONE[o.status]}>{STATUS_WORDS[o.status]}</Badge> },
                { header: 'Ready By', cell: (o) => <DateTime iso={o.readyBy} timeZone={zone(o.clientId)} /> },
                { header: 'Due By', cell: (o) => <DateTime iso={o.dueBy} timeZone={zone(o.clientId)} empty="No deadline" /> },
                { header: 'Service', cell: (o) => o.service?.code ?? <span className="muted">None</span> },
                { header: 'Price', numeric: true, cell: (o) => (o.service ? formatMoney(o.service.price) : <span className="muted">—</span>) },
              ]}
            />
          )}
          <Pager pages={pages} label="Orders" />
        </LoadingState>
      </Section>
    </>
  );
}
