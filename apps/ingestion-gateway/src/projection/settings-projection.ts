import type { SettingsProjection } from '@portal/service-kit';

/** The gateway keeps what routing and verifying a delivery needs: connections (with secrets) and clients. */
export const PROJECTION: SettingsProjection = {
  'connection.changed': ({ connection: c }) => ({
    table: 'connections',
    row: { id: c.id, client_id: c.clientId, courier_id: c.courierId, platform: c.platform, settings: c.settings, secrets: c.secrets, deleted: c.deleted },
  }),
  'client.changed': ({ client: c }) => ({
    table: 'clients',
    row: { id: c.id, courier_id: c.courierId, timezone: c.timezone, order_creation_enabled: c.orderCreationEnabled },
  }),
};
