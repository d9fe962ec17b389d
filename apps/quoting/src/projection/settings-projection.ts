import type { SettingsProjection } from '@portal/service-kit';

/** Quoting keeps clients, services, rate tables and each client's pairs. */
export const PROJECTION: SettingsProjection = {
  'client.changed': ({ client: c }) => ({
    table: 'clients',
    row: { id: c.id, courier_id: c.courierId, timezone: c.timezone, units: c.units, service_selection_rule: c.serviceSelectionRule },
  }),
  'service.changed': ({ service, deleted }) => ({
    table: 'services',
    row: { id: service.id, courier_id: service.courierId, code: service.code, body: service, deleted },
  }),
  'rate-table.changed': ({ rateTable, deleted }) => ({
    table: 'rate_tables',
    row: { id: rateTable.id, courier_id: rateTable.courierId, body: rateTable, deleted },
  }),
  'client-services.changed': ({ clientId, courierId, assignments }) => ({
    table: 'client_services',
    row: { id: clientId, courier_id: courierId, assignments },
  }),
};
