import type { Client as ClientView, IntegrationSettings } from '@portal/contracts';
import type { Client } from '../entities/client.entity';

export const toClientView = (client: Client): ClientView => ({
  id: client.id,
  courierId: client.courierId,
  name: client.name,
  timezone: client.timezone,
  units: client.units,
  defaultPickup: client.defaultPickup,
  createdAt: client.createdAt.toISOString(),
  updatedAt: client.updatedAt.toISOString(),
});

export const toIntegrationSettingsView = (client: Client): IntegrationSettings => ({
  orderCreationEnabled: client.orderCreationEnabled,
  serviceSelectionRule: client.serviceSelectionRule,
});
