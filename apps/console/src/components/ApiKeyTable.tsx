import type { ApiKey } from '@portal/contracts/http';
import { formatAgo } from '../format/time';
import { Badge } from './Badge';
import { DateTime } from './DateTime';
import { ResponsiveTable } from './ResponsiveTable';
import { RevokeKeyAction } from './RevokeKeyAction';

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
        { header: 'Actions', cell: (k) => <RevokeKeyAction apiKey={k} onRevoked={onRevoked} /> },
      ]}
    />
  );
}
