import type {
  ApiKey,
  Client,
  Connection,
  ConnectionWithSecret,
  CreateClient,
  CreateConnection,
  CreatedApiKey,
  CreateRateTable,
  CreateService,
  IntegrationSettings,
  Page,
  RateTable,
  RotateSecret,
  Service,
  ServiceAssignment,
  UpdateClient,
} from '@portal/contracts/http';
import { apiRequest } from './http';

// The client settings API (PRODUCT 2.1), one function per call, typed by the contracts.
const call = <T>(path: string, options?: Parameters<typeof apiRequest>[2]) => apiRequest<T>('client-settings', path, options);

export interface PageRequest {
  cursor?: string;
  limit?: number;
  signal?: AbortSignal;
}
const pageQuery = ({ cursor, limit }: PageRequest) => ({ cursor, limit });

export const clientSettingsApi = {
  listClients: (page: PageRequest = {}) => call<Page<Client>>('/v1/clients', { query: pageQuery(page), signal: page.signal }),
  getClient: (clientId: string, signal?: AbortSignal) => call<Client>(`/v1/clients/${clientId}`, { signal }),
  createClient: (body: CreateClient) => call<Client>('/v1/clients', { method: 'POST', body }),
  updateClient: (clientId: string, body: UpdateClient) => call<Client>(`/v1/clients/${clientId}`, { method: 'PATCH', body }),

  getIntegrationSettings: (clientId: string, signal?: AbortSignal) => call<IntegrationSettings>(`/v1/clients/${clientId}/integration-settings`, { signal }),
  putIntegrationSettings: (clientId: string, body: IntegrationSettings) =>
    call<IntegrationSettings>(`/v1/clients/${clientId}/integration-settings`, { method: 'PUT', body }),

  getClientServices: (clientId: string, signal?: AbortSignal) => call<ServiceAssignment[]>(`/v1/clients/${clientId}/services`, { signal }),
  putClientServices: (clientId: string, body: ServiceAssignment[]) => call<ServiceAssignment[]>(`/v1/clients/${clientId}/services`, { method: 'PUT', body }),

  listServices: (page: PageRequest = {}) => call<Page<Service>>('/v1/services', { query: pageQuery(page), signal: page.signal }),
  createService: (body: CreateService) => call<Service>('/v1/services', { method: 'POST', body }),
  deleteService: (serviceId: string) => call<void>(`/v1/services/${serviceId}`, { method: 'DELETE' }),

  listRateTables: (page: PageRequest = {}) => call<Page<RateTable>>('/v1/rate-tables', { query: pageQuery(page), signal: page.signal }),
  createRateTable: (body: CreateRateTable) => call<RateTable>('/v1/rate-tables', { method: 'POST', body }),
  deleteRateTable: (rateTableId: string) => call<void>(`/v1/rate-tables/${rateTableId}`, { method: 'DELETE' }),

  listConnections: (clientId: string, page: PageRequest = {}) =>
    call<Page<Connection>>(`/v1/clients/${clientId}/connections`, { query: pageQuery(page), signal: page.signal }),
  createConnection: (clientId: string, body: CreateConnection) => call<ConnectionWithSecret>(`/v1/clients/${clientId}/connections`, { method: 'POST', body }),
  rotateSecret: (clientId: string, connectionId: string, body: RotateSecret = {}) =>
    call<ConnectionWithSecret>(`/v1/clients/${clientId}/connections/${connectionId}/rotate-secret`, { method: 'POST', body }),
  deleteConnection: (clientId: string, connectionId: string) => call<void>(`/v1/clients/${clientId}/connections/${connectionId}`, { method: 'DELETE' }),

  listApiKeys: (page: PageRequest = {}) => call<Page<ApiKey>>('/v1/api-keys', { query: pageQuery(page), signal: page.signal }),
  createCourierKey: (name?: string) => call<CreatedApiKey>('/v1/api-keys', { method: 'POST', body: name ? { name } : {} }),
  createClientKey: (clientId: string, name?: string) => call<CreatedApiKey>(`/v1/clients/${clientId}/api-keys`, { method: 'POST', body: name ? { name } : {} }),
  revokeApiKey: (keyId: string) => call<void>(`/v1/api-keys/${keyId}`, { method: 'DELETE' }),
};
