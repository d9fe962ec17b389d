import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Client } from '@portal/contracts/http';
import { clientSettingsApi } from '../api/client-settings';
import { readAllPages } from '../api/paging';
import { useSession } from '../session/session-context';
import { useLoad } from './use-load';

export interface ClientsDirectory {
  clients: Client[];
  byId: (clientId: string) => Client | undefined;
  loading: boolean;
  refresh: () => void;
}

const DirectoryContext = createContext<ClientsDirectory | null>(null);

/**
 * Every client the key reaches, for names and timezones on every page (orders show times in their
 * client's timezone). A client key reaches one; a courier's list is read through all its pages.
 */
export function ClientsDirectoryProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const ownClient = session.identity.role === 'client' ? session.identity.client : null;
  const loaded = useLoad(
    (signal) => (ownClient ? Promise.resolve([ownClient]) : readAllPages((cursor, limit) => clientSettingsApi.listClients({ cursor, limit, signal }))),
    [ownClient],
  );
  const clients = useMemo(() => loaded.data ?? [], [loaded.data]);
  const index = useMemo(() => new Map(clients.map((c) => [c.id, c])), [clients]);
  const byId = useCallback((clientId: string) => index.get(clientId), [index]);
  const value = useMemo(() => ({ clients, byId, loading: loaded.loading, refresh: loaded.reload }), [clients, byId, loaded.loading, loaded.reload]);
  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}

export function useClientsDirectory(): ClientsDirectory {
  const directory = useContext(DirectoryContext);
  if (!directory) throw new Error('useClientsDirectory outside ClientsDirectoryProvider');
  return directory;
}
