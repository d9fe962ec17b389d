import { clientSettingsApi } from '../../api/client-settings';
import { ApiKeyTable } from '../../components/ApiKeyTable';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { NewApiKeyForm } from '../../components/NewApiKeyForm';
import { Section } from '../../components/Section';
import { useApiKeys } from '../../hooks/use-api-keys';

/** Keys that sign in as this client: its people see its drafts, orders and events, nothing of other clients. */
export function ClientApiKeysSection({ clientId, timeZone }: { clientId: string; timeZone: string }) {
  const keys = useApiKeys(clientId);
  return (
    <Section title="API keys" description="Client keys see this client's connections, drafts, orders and integration events only.">
      <NewApiKeyForm create={(name) => clientSettingsApi.createClientKey(clientId, name)} buttonLabel="Create client key" onCreated={keys.reload} />
      <LoadingState loading={keys.loading} error={keys.error} what="Loading the keys" onRetry={keys.reload} hasData={keys.data !== undefined}>
        {keys.data && keys.data.length === 0 ? (
          <EmptyState title="No client keys yet" />
        ) : (
          <ApiKeyTable keys={keys.data ?? []} timeZone={timeZone} onRevoked={keys.reload} />
        )}
      </LoadingState>
    </Section>
  );
}
