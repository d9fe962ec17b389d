import { useState } from 'react';
import type { ConnectionWithSecret } from '@portal/contracts/http';
import { clientSettingsApi } from '../../api/client-settings';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { OneTimeSecret } from '../../components/OneTimeSecret';
import { Pager } from '../../components/Pager';
import { Section } from '../../components/Section';
import { PLATFORM_WORDS } from '../../format/words';
import { PAGE_SIZE, useCursorPages } from '../../hooks/use-cursor-pages';
import { ConnectionRow } from './ConnectionRow';
import { NewConnectionForm } from './NewConnectionForm';

type Revealed = { connection: ConnectionWithSecret; reason: 'created' | 'rotated' };

/** The client's platform connections: create one, see its webhook URL and secret once, rotate, delete. */
export function ConnectionsSection({ clientId, timeZone }: { clientId: string; timeZone: string }) {
  const [creating, setCreating] = useState(false);
  const [revealed, setRevealed] = useState<Revealed>();
  const pages = useCursorPages({ clientId }, (cursor, signal) => clientSettingsApi.listConnections(clientId, { cursor, limit: PAGE_SIZE, signal }));

  const reveal = (connection: ConnectionWithSecret, reason: Revealed['reason']) => {
    setRevealed({ connection, reason });
    setCreating(false);
    pages.reload();
  };

  return (
    <Section
      title="Connections"
      description="Each store or system that sends orders has its own webhook URL and signing secret."
      actions={
        <Button variant="primary" onClick={() => setCreating(true)} disabled={creating}>
          New connection
        </Button>
      }
    >
      {revealed && (
        <OneTimeSecret
          title={`${revealed.reason === 'created' ? 'Connection created' : 'Secret rotated'}: ${revealed.connection.name ?? PLATFORM_WORDS[revealed.connection.platform]}`}
          warning="Copy the signing secret now: it is shown this once and never again. Paste both into the platform's webhook settings."
          lines={[
            { label: 'Webhook URL', value: revealed.connection.webhookUrl },
            { label: 'Signing secret', value: revealed.connection.signingSecret, secret: true },
          ]}
          onDone={() => setRevealed(undefined)}
        />
      )}
      {creating && <NewConnectionForm clientId={clientId} onCreated={(c) => reveal(c, 'created')} onCancel={() => setCreating(false)} />}
      <LoadingState loading={pages.loading} error={pages.error} what="Loading the connections" onRetry={pages.reload} hasData={pages.items.length > 0}>
        {pages.items.length === 0 ? (
          <EmptyState title="No connections yet">Create one for each store that should send orders.</EmptyState>
        ) : (
          <ul className="connections">
            {pages.items.map((c) => (
              <ConnectionRow key={c.id} connection={c} timeZone={timeZone} onRotated={(r) => reveal(r, 'rotated')} onDeleted={pages.reload} />
            ))}
          </ul>
        )}
        <Pager pages={pages} label="Connections" />
      </LoadingState>
    </Section>
  );
}
