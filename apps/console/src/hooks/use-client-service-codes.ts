import { clientSettingsApi } from '../api/client-settings';
import { readAllPages } from '../api/paging';
import { useLoad } from './use-load';

/** The codes of the services assigned to a client; a client key may not list services, so none. */
export function useClientServiceCodes(clientId: string | undefined, isCourier: boolean): string[] {
  const loaded = useLoad(async (signal) => {
    if (!clientId || !isCourier) return [];
    const [pairs, services] = await Promise.all([
      clientSettingsApi.getClientServices(clientId, signal),
      readAllPages((cursor, limit) => clientSettingsApi.listServices({ cursor, limit, signal })),
    ]);
    return services.filter((s) => pairs.some((p) => p.serviceId === s.id)).map((s) => s.code);
  }, [clientId, isCourier]);
  return loaded.data ?? [];
}
