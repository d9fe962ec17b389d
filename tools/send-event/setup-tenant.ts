import type {
  Client,
  ConnectionSettings,
  ConnectionWithSecret,
  CreateClient,
  CreatedCourier,
  IntegrationSettings,
  ServiceSelectionRule,
} from '@portal/contracts';
import { MANHATTAN_PICKUP } from './demo-event';
import { call } from './http';

export interface TenantSetupOptions {
  /** Client settings base URL, e.g. http://127.0.0.1:3001. */
  settingsUrl: string;
  operatorToken: string;
  courierName?: string;
  clientName?: string;
  /**
   * Hook run after the client exists and before integrations are turned on: a variant that gives the
   * client Rates and Services (services, rate tables, PUT /v1/clients/{id}/services) does it here and
   * returns the service selection rule to enable with (PRODUCT 1.1 requires one for such clients).
   * Not used yet: the plain setup places orders without a service.
   */
  configureClient?: (ctx: TenantContext) => Promise<{ serviceSelectionRule: ServiceSelectionRule | null } | void>;
  /** The connection to create (default: a generic one with a generated secret). */
  connection?: {
    platform: 'generic' | 'shopify' | 'woocommerce';
    name?: string;
    signingSecret?: string;
    settings?: ConnectionSettings;
  };
}

export interface TenantContext {
  settingsUrl: string;
  courierId: string;
  courierApiKey: string;
  clientId: string;
}

export interface Tenant extends TenantContext {
  connectionId: string;
  webhookUrl: string;
  signingSecret: string;
}

/**
 * Creates a courier, a client (America/New_York, kg, default pickup in Manhattan), turns integrations
 * on and creates a connection (generic unless options.connection says otherwise). Other apps learn of it through queues within about a second.
 */
export async function setupTenant(options: TenantSetupOptions): Promise<Tenant> {
  const { settingsUrl, operatorToken } = options;
  const suffix = new Date().toISOString().slice(0, 19);
  const courier = await call<CreatedCourier>('POST', `${settingsUrl}/v1/couriers`, {
    token: operatorToken,
    json: { name: options.courierName ?? `Demo Courier ${suffix}` },
  });
  const key = courier.apiKey;
  const clientBody: CreateClient = {
    name: options.clientName ?? `Midtown Flowers ${suffix}`,
    timezone: 'America/New_York',
    units: 'kg',
    defaultPickup: MANHATTAN_PICKUP,
  };
  const client = await call<Client>('POST', `${settingsUrl}/v1/clients`, { token: key, json: clientBody });
  const ctx: TenantContext = { settingsUrl, courierId: courier.id, courierApiKey: key, clientId: client.id };

  const configured = options.configureClient ? await options.configureClient(ctx) : undefined;
  const integration: IntegrationSettings = {
    orderCreationEnabled: true,
    serviceSelectionRule: configured ? configured.serviceSelectionRule : null,
  };
  await call('PUT', `${settingsUrl}/v1/clients/${client.id}/integration-settings`, { token: key, json: integration });

  const connection = await call<ConnectionWithSecret>('POST', `${settingsUrl}/v1/clients/${client.id}/connections`, {
    token: key,
    json: options.connection ?? { platform: 'generic', name: 'Demo generic connection' },
  });
  return {
    ...ctx,
    connectionId: connection.id,
    webhookUrl: connection.webhookUrl,
    signingSecret: connection.signingSecret,
  };
}
