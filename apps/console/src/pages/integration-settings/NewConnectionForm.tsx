import { useState, type FormEvent } from 'react';
import type { ConnectionWithSecret, CreateConnection, Platform } from '@portal/contracts/http';
import { PlatformSchema } from '@portal/contracts/http';
import { clientSettingsApi } from '../../api/client-settings';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { PLATFORM_WORDS } from '../../format/words';
import { useAction } from '../../hooks/use-action';

const SECRET_HINT: Record<Platform, string> = {
  shopify: 'Required: paste the key Shopify shows beside your webhooks (or the app’s client secret). Shopify signs with it.',
  woocommerce: 'Optional: leave empty and one is generated, to paste into WooCommerce’s webhook form.',
  generic: 'Optional: leave empty and one is generated for your system to sign with.',
};

/** Connect a platform; the answer carries the webhook URL and the secret, shown once by the caller. */
export function NewConnectionForm({ clientId, onCreated, onCancel }: { clientId: string; onCreated: (c: ConnectionWithSecret) => void; onCancel: () => void }) {
  const [platform, setPlatform] = useState<Platform>('generic');
  const [name, setName] = useState('');
  const [signingSecret, setSigningSecret] = useState('');
  const create = useAction(async () => {
    const body: CreateConnection = { platform, name: name.trim() || undefined, signingSecret: signingSecret.trim() || undefined };
    onCreated(await clientSettingsApi.createConnection(clientId, body));
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create.run();
  };

  return (
    <form className="stack subtle-panel" onSubmit={submit} aria-label="New connection">
      <h3 className="subtle-panel__title">New connection</h3>
      <div className="grid grid--3">
        <Field label="Platform" path="platform" error={create.error}>
          <select value={platform} onChange={(e) => setPlatform(e.target.value as Platform)}>
            {PlatformSchema.options.map((p) => (
              <option key={p} value={p}>
                {PLATFORM_WORDS[p]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Name (optional)" path="name" error={create.error} hint="Which store this is, such as “Main store”">
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={platform === 'shopify' ? 'Signing secret' : 'Signing secret (optional)'} path="signingSecret" error={create.error} hint={SECRET_HINT[platform]}>
          <input value={signingSecret} onChange={(e) => setSigningSecret(e.target.value)} autoComplete="off" spellCheck={false} required={platform === 'shopify'} />
        </Field>
      </div>
      <ErrorNotice error={create.error} action="Creating the connection" hidePaths={['platform', 'name', 'signingSecret']} />
      <div className="actions">
        <Button type="submit" variant="primary" pending={create.pending} pendingText="Creating…">
          Create connection
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={create.pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
