import { orderManagementApi } from '../../api/order-management';
import { DateTime } from '../../components/DateTime';
import { LoadingState } from '../../components/LoadingState';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { ReasonList } from '../../components/ReasonList';
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
        {draft && draft.status === 'DRAFT' && client && (
          <>
            <div className={`reasons-panel ${draft.draftReasons.length === 0 ? 'reasons-panel--ok' : ''}`} role="status" aria-live="polite">
              <h2 className="reasons-panel__title">{draft.draftReasons.length === 0 ? 'Nothing is missing: ready to Finalize' : 'Why this is a draft'}</h2>
              <ReasonList reasons={draft.draftReasons} />
            </div>
            <DraftEditor draft={draft} client={client} serviceCodes={serviceCodes} onSaved={order.setData} />
          </>
        )}
      </LoadingState>
    </>
  );
}
