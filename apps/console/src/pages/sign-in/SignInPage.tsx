import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/api-error';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { Brand } from '../../layout/Brand';
import { useSessionControls } from '../../session/session-context';

/** Sign in with an API key: a courier's key or a client's. */
export function SignInPage({ notice }: { notice?: string }) {
  const { signIn } = useSessionControls();
  const [apiKey, setApiKey] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(undefined);
    const failure = await signIn(apiKey.trim());
    setPending(false);
    if (failure) setError(failure);
  };

  return (
    <div className="sign-in">
      <div className="sign-in__panel">
        <div className="sign-in__brand">
          <Brand />
        </div>
        <h1 className="sign-in__title">Sign in</h1>
        <p className="sign-in__lead">Run your integrations, fix drafts and follow orders. Sign in with a courier key to manage every client, or with a client key to see one organisation.</p>
        {notice && <Notice tone="warn">{notice}</Notice>}
        <form onSubmit={submit} className="stack">
          <Field label="API key" hint="Kept in this tab only, until you sign out or close it.">
            <input type="password" autoComplete="off" spellCheck={false} value={apiKey} onChange={(e) => setApiKey(e.target.value)} required />
          </Field>
          <ErrorNotice error={error} action="Signing in" />
          <Button type="submit" variant="primary" pending={pending} pendingText="Checking the key…" disabled={apiKey.trim() === ''}>
            Sign in
          </Button>
        </form>
      </div>
    </div>
  );
}
