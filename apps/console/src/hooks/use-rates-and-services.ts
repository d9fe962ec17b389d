import type { RateTable, Service } from '@portal/contracts/http';
import { clientSettingsApi } from '../api/client-settings';
import { readAllPages } from '../api/paging';
import { useLoad, type Loaded } from './use-load';

export interface RatesAndServices {
  services: Service[];
  rateTables: RateTable[];
}

/** Every service and rate table of the courier, for pickers and names. */
export function useRatesAndServices(): Loaded<RatesAndServices> {
  return useLoad(async (signal) => {
    const [services, rateTables] = await Promise.all([
      readAllPages((cursor, limit) => clientSettingsApi.listServices({ cursor, limit, signal })),
      readAllPages((cursor, limit) => clientSettingsApi.listRateTables({ cursor, limit, signal })),
    ]);
    return { services, rateTables };
  }, []);
}
