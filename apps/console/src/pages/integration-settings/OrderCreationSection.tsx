import { clientSettingsApi } from '../../api/client-settings';
import { Badge } from '../../components/Badge';
import { LoadingState } from '../../components/LoadingState';
import { Section } from '../../components/Section';
import { useLoad } from '../../hooks/use-load';
import { IntegrationSettingsForm } from './IntegrationSettingsForm';

/** The order-creation switch and the selection rule (courier only). */
export function OrderCreationSection({ clientId }: { clientId: string }) {
  const loaded = useLoad((signal) => clientSettingsApi.getIntegrationSettings(clientId, signal), [clientId]);
  const status = loaded.data && (
    <Badge tone={loaded.data.orderCreationEnabled ? 'ok' : 'neutral'}>{loaded.data.orderCreationEnabled ? 'Integrations on' : 'Integrations off'}</Badge>
  );
  return (
    <Section title="Order creation" description="Whether events from this client's stores become orders, and how a service is picked." actions={status}>
      <LoadingState loading={loaded.loading} error={loaded.error} what="Loading the integration settings" onRetry={loaded.reload} hasData={loaded.data !== undefined}>
        {loaded.data && <IntegrationSettingsForm clientId={clientId} saved={loaded.data} onSaved={loaded.setData} />}
      </LoadingState>
    </Section>
  );
}
