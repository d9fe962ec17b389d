import type { ApiKey } from '@portal/contracts/http';
import { clientSettingsApi } from '../api/client-settings';
import { useAction } from '../hooks/use-action';
import { ConfirmButton } from './ConfirmButton';
import { ErrorNotice } from './ErrorNotice';

/** Revoke one key, after asking; the API's 409 for the last courier key stays beside it. */
export function RevokeKeyAction({ apiKey, onRevoked }: { apiKey: ApiKey; onRevoked: () => void }) {
  const revoke = useAction(async () => {
    await clientSettingsApi.revokeApiKey(apiKey.id);
    onRevoked();
  });
  if (apiKey.revokedAt) return <span className="muted">—</span>;
  return (
    <div className="stack stack--tight">
      <ConfirmButton
        question={`Revoke “${apiKey.name}”? Every service refuses it within a second.`}
        confirmLabel="Revoke key"
        onConfirm={() => void revoke.run()}
        pending={revoke.pending}
        pendingText="Revoking…"
      >
        Revoke
      </ConfirmButton>
      <ErrorNotice error={revoke.error} action="Revoking the key" onDismiss={revoke.clearError} />
    </div>
  );
}
