import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ApiError } from '../api/api-error';
import { toApiError } from '../api/api-error';
import { setUnauthorizedHandler } from '../api/http';
import { apiKeyStore } from './api-key-store';
import { identify, type Identity } from './identity';

export interface Session {
  identity: Identity;
  isCourier: boolean;
  /** The client a client key belongs to; null for a courier. */
  ownClientId: string | null;
  signOut: (reason?: string) => void;
}

type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; notice?: string }
  | { status: 'signed-in'; identity: Identity };

interface SessionControls {
  state: SessionState;
  signIn: (apiKey: string) => Promise<ApiError | null>;
  signOut: (reason?: string) => void;
}

const SessionControlsContext = createContext<SessionControls | null>(null);
const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(() => (apiKeyStore.get() ? { status: 'checking' } : { status: 'signed-out' }));

  const signOut = useCallback((notice?: string) => {
    apiKeyStore.clear();
    setState({ status: 'signed-out', notice });
  }, []);

  const signIn = useCallback(async (apiKey: string): Promise<ApiError | null> => {
    try {
      const identity = await identify(apiKey);
      apiKeyStore.set(apiKey);
      setState({ status: 'signed-in', identity });
      return null;
    } catch (error) {
      return toApiError(error);
    }
  }, []);

  // A reloaded tab still holds its key: find out again who it belongs to.
  useEffect(() => {
    const stored = apiKeyStore.get();
    if (!stored) return;
    const controller = new AbortController();
    identify(stored, controller.signal).then(
      (identity) => setState({ status: 'signed-in', identity }),
      (error: unknown) => {
        if (!controller.signal.aborted) signOut(`Signed out: ${toApiError(error).message}`);
      },
    );
    return () => controller.abort();
  }, [signOut]);

  useEffect(() => {
    setUnauthorizedHandler(() => signOut('Signed out: this API key is no longer accepted (revoked or unknown). Sign in with another key.'));
    return () => setUnauthorizedHandler(null);
  }, [signOut]);

  const controls = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  const session = useMemo<Session | null>(
    () =>
      state.status === 'signed-in'
        ? {
            identity: state.identity,
            isCourier: state.identity.role === 'courier',
            ownClientId: state.identity.role === 'client' ? state.identity.client.id : null,
            signOut,
          }
        : null,
    [state, signOut],
  );
  return (
    <SessionControlsContext.Provider value={controls}>
      <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
    </SessionControlsContext.Provider>
  );
}

export function useSessionControls(): SessionControls {
  const controls = useContext(SessionControlsContext);
  if (!controls) throw new Error('useSessionControls outside SessionProvider');
  return controls;
}

/** The signed-in session; pages render only inside it. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in session');
  return session;
}
