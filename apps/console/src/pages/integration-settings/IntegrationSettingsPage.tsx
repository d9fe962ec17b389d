import { clientSettingsApi } from '../../api/client-settings';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { useLoad } from '../../hooks/use-load';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';
import { useSession } from '../../session/session-context';
import { ClientApiKeysSection } from './ClientApiKeysSection';
import { ClientServicesSection } from './ClientServicesSection';
import { ConnectionsSection } from './ConnectionsSection';
import { OrderCreationSection } from './OrderCreationSection';

/** One client's integrations: whether orders are created, how services are picked, its connections and keys. */
export function IntegrationSettingsPage({ clientId }: { clientId: string }) {
  const session = useSession();
  const client = useLoad((signal) => clientSettingsApi.getClient(clientId, signal), [clientId]);
  const c = client.data;
  return (
    <>
      <PageHeader
        eyebrow={session.isCourier ? <Link to={paths.clients}>Clients</Link> : undefined}
        title="Integration Settings"
        description={
          c ? (
            <>
              <strong>{c.name}</strong> · {c.timezone} · {c.units}
              {c.defaultPickup ? ` · picks up at ${c.defaultPickup.address.line1}, ${c.defaultPickup.address.city}` : ' · no default pickup'}
            </>
          ) : undefined
        }
      />
      <LoadingState loading={client.loading} error={client.error} what="Loading the client" onRetry={client.reload} hasData={c !== undefined}>
        {c && (
          <div className="sections">
            {session.isCourier && <OrderCreationSection clientId={c.id} />}
            {session.isCourier && <ClientServicesSection clientId={c.id} />}
            <ConnectionsSection clientId={c.id} timeZone={c.timezone} />
            <ClientApiKeysSection clientId={c.id} timeZone={c.timezone} />
          </div>
        )}
      </LoadingState>
    </>
  );
}
