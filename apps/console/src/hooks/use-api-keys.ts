import type { ApiKey } from '@portal/contracts/http';
import { clientSettingsApi } from '../api/client-settings';
import { readAllPages } from '../api/paging';
import { useLoad, type Loaded } from './use-load';

/**
 * The keys of one client (or the courier's own, for null). The API lists every key the caller
 * reaches without a filter, so the console reads them all and picks.
 */
export function useApiKeys(clientId: string | null): Loaded<ApiKey[]> {
  return useLoad(async (signal) => {
    const all = await readAllPages((cursor, limit) => clientSettingsApi.listApiKeys({ cursor, limit, signal }));
    return all.filter((k) => k.clientId === clientId);
  }, [clientId]);
}
