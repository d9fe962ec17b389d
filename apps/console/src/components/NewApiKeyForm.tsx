import { useState, type FormEvent } from 'react';
import type { CreatedApiKey } from '@portal/contracts/http';
import { useAction } from '../hooks/use-action';
import { Button } from './Button';
import { ErrorNotice } from './ErrorNotice';
import { Field } from './Field';
import { OneTimeSecret } from './OneTimeSecret';

/** Issue a key: a name for what it is for, then the key, shown once. */
export function NewApiKeyForm({ create, buttonLabel, onCreated }: { create: (name?: string) => Promise<CreatedApiKey>; buttonLabel: string; onCreated: () => void }) {
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<CreatedApiKey>();
  const issue = useAction(async () => {
    setIssued(await create(name.trim() || undefined));
    setName('');
    onCreated();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void issue.run();
  };
  return (
    <div className="stack">
      {issued && (
        <OneTimeSecret
          title="Key issued"
          warning="Copy the key now: it is shown this once, and only its hash is kept."
          lines={[{ label: 'API key', value: issued.apiKey, secret: true }]}
          onDone={() => setIssued(undefined)}
        />
      )}
      <form className="inline-form" onSubmit={submit} aria-label={buttonLabel}>
        <Field label="Key name (optional)" path="name" error={issue.error}>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="What it is for, such as Warehouse scanner" />
        </Field>
        <Button type="submit" pending={issue.pending} pendingText="Issuing…">
          {buttonLabel}
        </Button>
      </form>
      <ErrorNotice error={issue.error} action="Issuing the key" hidePaths={['name']} />
    </div>
  );
}
