import { orderManagementApi } from '../../api/order-management';
import { DateTime } from '../../components/DateTime';
import { LoadingState } from '../../components/LoadingState';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Spinner } from '../../components/Spinner';
import { PLATFORM_WORDS, STATUS_WORDS } from '../../format/words';
import { useClientsDirectory } from '../../hooks/clients-directory';
import { useClientServiceCodes } from '../../hooks/use-client-service-codes';
import { useLoad } from '../../hooks/use-load';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';
import { useSession } from '../../session/session-context';
import { DraftEditor } from './DraftEditor';

/** One draft: why it could not be quoted, and the form to fix it. */
export function DraftPage({ orderId }: { orderId: string }) {
  const session = useSession();
  const { byId } = useClientsDirectory();
  const order = useLoad((signal) => orderManagementApi.getOrder(orderId, signal), [orderId]);
  const draft = order.data;
  const client = draft ? byId(draft.clientId) : undefined;
  const serviceCodes = useClientServiceCodes(draft?.clientId, session.isCourier);

  return (
    <>
      <PageHeader
        eyebrow={<Link to={paths.drafts}>Drafts</Link>}
        title={draft ? `Draft ${draft.source.externalOrderId}` : 'Draft'}
        description={
          draft && client ? (
            <>
              {client.name} · from {PLATFORM_WORDS[draft.source.platform]} · arrived <DateTime iso={draft.createdAt} timeZone={client.timezone} />
            </>
          ) : undefined
        }
      />
      <LoadingState loading={order.loading} error={order.error} what="Loading the draft" onRetry={order.reload} hasData={draft !== undefined}>
        {draft && draft.status !== 'DRAFT' && (
          <Notice tone="info" title={`This order is ${STATUS_WORDS[draft.status].toLowerCase()}, not a draft any more.`}>
            <p>
              <Link to={paths.order(draft.id)}>See the order</Link>
            </p>
          </Notice>
        )}
        {draft && draft.status === 'DRAFT' && !client && (
          <p className="loading" role="status">
            <Spinner /> Loading the client…
          </p>
        )}
        {draft && draft.status === 'DRAFT' && client && <DraftEditor draft={draft} client={client} serviceCodes={serviceCodes} onSaved={order.setData} />}
      </LoadingState>
    </>
  );
}
