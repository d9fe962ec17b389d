import type { SettingsProjection } from '@portal/service-kit';

/** Order management keeps what building orders and authenticating its API need: clients and API keys. */
export const PROJECTION: SettingsProjection = {
  'client.changed': ({ client: c }) => ({
    table: 'clients',
    row: {
      id: c.id,
      courier_id: c.courierId,
      timezone: c.timezone,
      default_pickup: c.defaultPickup,
      service_selection_rule: c.serviceSelectionRule,
      uses_rates_and_services: c.usesRatesAndServices,
    },
  }),
  'api-key.changed': ({ apiKey: k }) => ({
    table: 'api_keys',
    row: { id: k.id, key_hash: k.keyHash, courier_id: k.courierId, client_id: k.clientId, revoked: k.revoked },
  }),
};
