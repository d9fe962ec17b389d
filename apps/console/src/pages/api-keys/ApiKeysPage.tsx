import { clientSettingsApi } from '../../api/client-settings';
import { ApiKeyTable } from '../../components/ApiKeyTable';
import { LoadingState } from '../../components/LoadingState';
import { NewApiKeyForm } from '../../components/NewApiKeyForm';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { browserTimezone } from '../../format/timezones';
import { useApiKeys } from '../../hooks/use-api-keys';

/** The courier's own keys: issue a new one, switch to it, revoke the old one. */
export function ApiKeysPage() {
  const keys = useApiKeys(null);
  return (
    <>
      <PageHeader
        title="API keys"
        description="Courier keys reach every client. To rotate one: create a new key, switch your systems to it, then revoke the old one. The last active courier key cannot be revoked."
      />
      <Section title="Courier keys" description="Times in this browser's timezone.">
        <NewApiKeyForm create={(name) => clientSettingsApi.createCourierKey(name)} buttonLabel="Create courier key" onCreated={keys.reload} />
        <LoadingState loading={keys.loading} error={keys.error} what="Loading the keys" onRetry={keys.reload} hasData={keys.data !== undefined}>
          <ApiKeyTable keys={keys.data ?? []} timeZone={browserTimezone()} onRevoked={keys.reload} />
        </LoadingState>
      </Section>
    </>
  );
}
