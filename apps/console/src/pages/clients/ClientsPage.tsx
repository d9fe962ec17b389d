import { useState } from 'react';
import type { Client } from '@portal/contracts/http';
import { clientSettingsApi } from '../../api/client-settings';
import { Button } from '../../components/Button';
import { DateTime } from '../../components/DateTime';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { Section } from '../../components/Section';
import { useClientsDirectory } from '../../hooks/clients-directory';
import { PAGE_SIZE, useCursorPages } from '../../hooks/use-cursor-pages';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';
import { ClientForm } from './ClientForm';

type Editing = { mode: 'new' } | { mode: 'edit'; client: Client } | null;

/** A courier's client organisations: create them, set how their orders are read, open their Integration Settings. */
export function ClientsPage() {
  const directory = useClientsDirectory();
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<{ client: Client; created: boolean }>();
  const pages = useCursorPages({}, (cursor, signal) => clientSettingsApi.listClients({ cursor, limit: PAGE_SIZE, signal }));

  const onSaved = (client: Client) => {
    setSaved({ client, created: editing?.mode === 'new' });
    setEditing(null);
    pages.reload();
    directory.refresh();
  };

  return (
    <>
      <PageHeader
        title="Clients"
        description="The organisations that send you orders. Each has a timezone and units its orders are read in, and an optional default pickup address."
        actions={
          <Button variant="primary" onClick={() => setEditing({ mode: 'new' })} disabled={editing?.mode === 'new'}>
            New client
          </Button>
        }
      />
      {saved && (
        <Notice tone="ok" title={saved.created ? `${saved.client.name} was created.` : `${saved.client.name} was saved.`}>
          <p>
            {saved.created ? 'Next: turn on integrations and connect a platform in ' : 'See '}
            <Link to={paths.integrationSettings(saved.client.id)}>its Integration Settings</Link>.
          </p>
        </Notice>
      )}
      {editing && (
        <Section title={editing.mode === 'new' ? 'New client' : `Edit ${editing.client.name}`}>
          <ClientForm
            key={editing.mode === 'new' ? 'new' : editing.client.id}
            client={editing.mode === 'edit' ? editing.client : undefined}
            onSaved={onSaved}
            onCancel={() => setEditing(null)}
          />
        </Section>
      )}
      <Section title="All clients" description="Newest first.">
        <LoadingState loading={pages.loading} error={pages.error} what="Loading the clients" onRetry={pages.reload} hasData={pages.items.length > 0}>
          {pages.items.length === 0 ? (
            <EmptyState title="No clients yet">Create your first client to connect its store.</EmptyState>
          ) : (
            <ResponsiveTable
              caption="Clients"
              rows={pages.items}
              rowKey={(c) => c.id}
              columns={[
                { header: 'Name', cell: (c) => <Link to={paths.integrationSettings(c.id)} className="strong-link">{c.name}</Link> },
                { header: 'Timezone', cell: (c) => c.timezone },
                { header: 'Units', cell: (c) => c.units },
                { header: 'Default pickup', cell: (c) => (c.defaultPickup ? `${c.defaultPickup.address.line1}, ${c.defaultPickup.address.city}` : <span className="muted">None</span>) },
                { header: 'Created', cell: (c) => <DateTime iso={c.createdAt} timeZone={c.timezone} /> },
                {
                  header: 'Actions',
                  cell: (c) => (
                    <div className="row-actions">
                      <Button size="small" onClick={() => setEditing({ mode: 'edit', client: c })} aria-label={`Edit ${c.name}`}>
                        Edit
                      </Button>
                      <Link to={paths.integrationSettings(c.id)} className="button button--small button--secondary" aria-label={`Integration Settings of ${c.name}`}>
                        Integration Settings
                      </Link>
                    </div>
                  ),
                },
              ]}
            />
          )}
          <Pager pages={pages} label="Clients" />
        </LoadingState>
      </Section>
    </>
  );
}
