import { orderManagementApi } from '../../api/order-management';
import { Badge } from '../../components/Badge';
import { DateTime } from '../../components/DateTime';
import { LoadingState } from '../../components/LoadingState';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { ReasonList } from '../../components/ReasonList';
import { Section } from '../../components/Section';
import { formatMoney } from '../../format/money';
import { PLATFORM_WORDS, STATUS_TONE, STATUS_WORDS } from '../../format/words';
import { useClientsDirectory } from '../../hooks/clients-directory';
import { useLoad } from '../../hooks/use-load';
import { Link } from '../../routing/Link';
import { useLocation } from '../../routing/location';
import { paths } from '../../routing/routes';
import { TaskCard } from './TaskCard';

/** One order: its tasks, Ready By, Due By, service, price and completion window, in the client's timezone. */
export function OrderPage({ orderId }: { orderId: string }) {
  const { search } = useLocation();
  const { byId } = useClientsDirectory();
  const order = useLoad((signal) => orderManagementApi.getOrder(orderId, signal), [orderId]);
  const o = order.data;
  const client = o ? byId(o.clientId) : undefined;
  const zone = client?.timezone ?? 'UTC';
  return (
    <>
      <PageHeader
        eyebrow={<Link to={paths.orders}>Orders</Link>}
        title={o ? `Order ${o.source.externalOrderId}` : 'Order'}
        description={o ? <>{client?.name ?? 'Unknown client'} · times in {zone}</> : undefined}
        actions={o && <Badge tone={STATUS_TONE[o.status]}>{STATUS_WORDS[o.status]}</Badge>}
      />
      {search.get('placed') && o?.status === 'PLACED' && <Notice tone="ok" title="Finalized: the order is placed.">It was quoted again and handed to dispatch.</Notice>}
      {search.get('cancelled') && o?.status === 'CANCELLED' && <Notice tone="info" title="The draft was cancelled." />}
      <LoadingState loading={order.loading} error={order.error} what="Loading the order" onRetry={order.reload} hasData={o !== undefined}>
        {o && (
          <div className="sections">
            {o.status === 'DRAFT' && (
              <Notice tone="warn" title="This order is a draft.">
                <ReasonList reasons={o.draftReasons} />
                <p>
                  <Link to={paths.draft(o.id)}>Open the draft to fix and finalise it</Link>
                </p>
              </Notice>
            )}
            <Section title="Summary">
              <dl className="facts facts--grid">
                <div>
                  <dt>Ready By</dt>
                  <dd>
                    <DateTime iso={o.readyBy} timeZone={zone} />
                  </dd>
                </div>
                <div>
                  <dt>Due By</dt>
                  <dd>
                    <DateTime iso={o.dueBy} timeZone={zone} empty="No deadline" />
                  </dd>
                </div>
                <div>
                  <dt>Service</dt>
                  <dd>{o.service ? <strong>{o.service.code}</strong> : <span className="muted">{o.serviceCode ? `${o.serviceCode} (asked for)` : 'None'}</span>}</dd>
                </div>
                <div>
                  <dt>Price</dt>
                  <dd>{o.service ? <strong>{formatMoney(o.service.price)}</strong> : <span className="muted">Not quoted</span>}</dd>
                </div>
                <div className="facts__wide">
                  <dt>Completion window</dt>
                  <dd>
                    {o.service ? (
                      <>
                        <DateTime iso={o.service.completionWindow.start} timeZone={zone} /> – <DateTime iso={o.service.completionWindow.end} timeZone={zone} />
                      </>
                    ) : (
                      <span className="muted">None</span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>Weight</dt>
                  <dd>{o.weight ? `${o.weight.value} ${o.weight.unit}` : <span className="muted">Unknown</span>}</dd>
                </div>
                <div>
                  <dt>Pieces</dt>
                  <dd>{o.pieces ?? <span className="muted">Unknown</span>}</dd>
                </div>
                <div>
                  <dt>From</dt>
                  <dd>
                    {PLATFORM_WORDS[o.source.platform]} · {o.source.externalOrderId}
                  </dd>
                </div>
                {o.reference && (
                  <div>
                    <dt>Reference</dt>
                    <dd>{o.reference}</dd>
                  </div>
                )}
                {o.notes && (
                  <div className="facts__wide">
                    <dt>Notes</dt>
                    <dd>{o.notes}</dd>
                  </div>
                )}
                {o.cancellation && (
                  <div className="facts__wide">
                    <dt>Cancelled</dt>
                    <dd>
                      By {o.cancellation.by} <DateTime iso={o.cancellation.at} timeZone={zone} />
                      {o.cancellation.reason ? `: ${o.cancellation.reason}` : ''}
                    </dd>
                  </div>
                )}
              </dl>
            </Section>
            <Section title="Tasks">
              <div className="tasks">
                <TaskCard title="Pickup" task={o.pickup} timeZone={zone} />
                <TaskCard title="Dropoff" task={o.dropoff} timeZone={zone} />
              </div>
            </Section>
          </div>
        )}
      </LoadingState>
    </>
  );
}
