import type { CanonicalOrderCreatedEvent, Client, ConnectionWithSecret, CreatedCourier, IntegrationEvent, Order, PickupAddress, TaskInput } from '@portal/contracts';
import { randomUUID } from 'node:crypto';
import { ApiClient, type ApiResponse } from './api';
import { eventually } from './eventually';
import { sendSigned } from './hooks';
import type { E2eSystem } from './system';

export const NY_TZ = 'America/New_York';

export const warehousePickup = (): PickupAddress => ({
  address: {
    line1: '1 Warehouse Way',
    line2: 'Dock 4',
    city: 'Brooklyn',
    region: 'NY',
    postalCode: '11201',
    country: 'US',
    location: { lat: 40.6928, lng: -73.9903 },
  },
  contact: { name: 'Dock Manager', phone: '+17185550100', email: 'dock@example.com' },
});

export const storePickupTask = (): TaskInput => ({
  address: { line1: '20 W 34th St', city: 'New York', region: 'NY', postalCode: '10001', country: 'US', location: { lat: 40.7496, lng: -73.9857 } },
  contact: { name: 'Store Front', phone: '+12125550199' },
  notes: 'Ask at the counter',
});

export const empireDropoffTask = (): TaskInput => ({
  address: {
    line1: '350 5th Ave',
    line2: 'Fl 3',
    city: 'New York',
    region: 'NY',
    postalCode: '10118',
    country: 'US',
    location: { lat: 40.7484, lng: -73.9857 },
  },
  contact: { name: 'Ada Lovelace', phone: '+12125550100', email: 'ada@example.com' },
  notes: 'Ring twice',
});

export interface EventOptions {
  id?: string;
  externalId?: string;
  /** A pickup task, or null for a dropoff-only event (default: a store pickup). */
  pickup?: TaskInput | null;
  dropoff?: Partial<TaskInput>;
  extra?: Partial<CanonicalOrderCreatedEvent['order']>;
}

/** A valid generic (canonical) order event with unique ids. */
export function genericEvent(options: EventOptions = {}): CanonicalOrderCreatedEvent {
  const order: CanonicalOrderCreatedEvent['order'] = {
    externalId: options.externalId ?? `ORD-${randomUUID()}`,
    reference: 'e2e reference',
    dropoff: { ...empireDropoffTask(), ...options.dropoff },
    weight: { value: 2.5, unit: 'kg' },
    pieces: 2,
    notes: 'e2e order',
    ...options.extra,
  };
  const pickup = options.pickup === undefined ? storePickupTask() : options.pickup;
  if (pickup) order.pickup = pickup;
  return { id: options.id ?? `evt-${randomUUID()}`, type: 'order.created', occurredAt: new Date().toISOString(), order };
}

export interface Courier extends CreatedCourier {
  api: ApiClient;
}

export async function createCourier(sys: E2eSystem, name = `Courier ${randomUUID().slice(0, 8)}`): Promise<Courier> {
  const res = await sys.settings(sys.system.operatorToken).post<CreatedCourier>('/v1/couriers', { name });
  if (res.status !== 201) throw new Error(`POST /v1/couriers answered ${res.status}: ${res.text}`);
  return { ...res.body, api: sys.settings(res.body.apiKey) };
}

export async function createClient(
  courier: Courier,
  body: { name?: string; timezone?: string; units?: 'kg' | 'lb'; defaultPickup?: PickupAddress | null } = {},
): Promise<Client> {
  const res = await courier.api.post<Client>('/v1/clients', {
    name: body.name ?? `Client ${randomUUID().slice(0, 8)}`,
    timezone: body.timezone ?? NY_TZ,
    units: body.units ?? 'kg',
    ...(body.defaultPickup !== undefined ? { defaultPickup: body.defaultPickup } : {}),
  });
  if (res.status !== 201) throw new Error(`POST /v1/clients answered ${res.status}: ${res.text}`);
  return res.body;
}

export async function createGenericConnection(api: ApiClient, clientId: string): Promise<ConnectionWithSecret> {
  const res = await api.post<ConnectionWithSecret>(`/v1/clients/${clientId}/connections`, { platform: 'generic', name: 'e2e generic' });
  if (res.status !== 201) throw new Error(`POST connections answered ${res.status}: ${res.text}`);
  return res.body;
}

export async function enableIntegrations(courier: Courier, clientId: string): Promise<void> {
  const res = await courier.api.put(`/v1/clients/${clientId}/integration-settings`, { orderCreationEnabled: true, serviceSelectionRule: null });
  if (res.status !== 200) throw new Error(`PUT integration-settings answered ${res.status}: ${res.text}`);
}

/**
 * Sends an event until configuration has reached the gateway (it may answer 404/403 for about a second
 * after a connection is created or integrations are enabled) and returns the first other answer.
 */
export async function sendWhenConfigured(connection: ConnectionWithSecret, event: unknown, timeoutMs = 10_000): Promise<ApiResponse> {
  return eventually(async () => {
    const res = await sendSigned(connection.webhookUrl, connection.signingSecret, event);
    if (res.status === 404 || res.status === 403) throw new Error(`gateway still answers ${res.status}: ${res.text}`);
    return res;
  }, timeoutMs, 150);
}

export interface EnabledClient {
  client: Client;
  connection: ConnectionWithSecret;
}

/** A client with integrations on and a generic connection the gateway already knows. */
export async function enabledClientWithConnection(
  courier: Courier,
  body: Parameters<typeof createClient>[1] = {},
): Promise<EnabledClient> {
  const client = await createClient(courier, body);
  const connection = await createGenericConnection(courier.api, client.id);
  await enableIntegrations(courier, client.id);
  return { client, connection };
}

/** Polls the order list (every status) until an order with this external id exists, and returns it. */
export async function waitForOrder(orders: ApiClient, clientId: string, externalOrderId: string, timeoutMs = 20_000): Promise<Order> {
  return eventually(async () => {
    const all = await orders.listAll<Order>('/v1/orders', { clientId });
    const found = all.filter((o) => o.source.externalOrderId === externalOrderId);
    if (found.length === 0) throw new Error(`no order yet for ${externalOrderId}`);
    return found[0];
  }, timeoutMs, 200);
}

export async function ordersFor(orders: ApiClient, clientId: string, externalOrderId: string): Promise<Order[]> {
  const all = await orders.listAll<Order>('/v1/orders', { clientId });
  return all.filter((o) => o.source.externalOrderId === externalOrderId);
}

/** Polls the integration event log until `match` finds a row, and returns it. */
export async function waitForLogEntry(
  orders: ApiClient,
  clientId: string,
  match: (e: IntegrationEvent) => boolean,
  timeoutMs = 20_000,
): Promise<IntegrationEvent> {
  return eventually(async () => {
    const all = await orders.listAll<IntegrationEvent>('/v1/integration-events', { clientId });
    const found = all.find(match);
    if (!found) throw new Error(`no matching integration event yet (${all.length} rows for the client)`);
    return found;
  }, timeoutMs, 200);
}
