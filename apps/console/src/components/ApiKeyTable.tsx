import type { ApiKey } from '@portal/contracts/http';
import { clientSettingsApi } from '../api/client-settings';
import { formatAgo } from '../format/time';
import { useAction } from '../hooks/use-action';
import { Badge } from './Badge';
import { ConfirmButton } from './ConfirmButton';
import { DateTime } from './DateTime';
import { ErrorNotice } from './ErrorNotice';
import { ResponsiveTable } from './ResponsiveTable';

function RevokeCell({ apiKey, onRevoked }: { apiKey: ApiKey; onRevoked: () => void }) {
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

/** Keys as the API lists them: never the key itself, but when it was last used and whether it was revoked. */
export function ApiKeyTable({ keys, timeZone, onRevoked }: { keys: ApiKey[]; timeZone: string; onRevoked: () => void }) {
  return (
    <ResponsiveTable
      caption="API keys"
      rows={keys}
      rowKey={(k) => k.id}
      columns={[
        { header: 'Name', cell: (k) => <strong>{k.name}</strong> },
        { header: 'Created', cell: (k) => <DateTime iso={k.createdAt} timeZone={timeZone} /> },
        { header: 'Last used', cell: (k) => (k.lastUsedAt ? <span title={k.lastUsedAt}>{formatAgo(k.lastUsedAt)}</span> : <span className="muted">Never</span>) },
        {
          header: 'Status',
          cell: (k) =>
            k.revokedAt ? (
              <Badge tone="neutral" title={k.revokedAt}>
                Revoked
              </Badge>
            ) : (
              <Badge tone="ok">Active</Badge>
            ),
        },
        { header: 'Actions', cell: (k) => <RevokeCell apiKey={k} onRevoked={onRevoked} /> },
      ]}
    />
  );
}
