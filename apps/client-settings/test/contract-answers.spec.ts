import {
  ClientSchema,
  ConnectionSchema,
  ConnectionWithSecretSchema,
  CreatedApiKeySchema,
  CreatedCourierSchema,
  IntegrationSettingsSchema,
  pageOf,
  RateTableSchema,
  ServiceAssignmentsSchema,
  ServiceSchema,
} from '@portal/contracts';
import { ServiceUnderTest, startServiceForTest, TEST_OPERATOR_TOKEN } from '@portal/service-kit/testing';
import type { z } from 'zod';
import { clientSettingsService } from '../src/client-settings.service';

// Over HTTP, through the response check every app registers: each answer is exactly what its
// contract schema reads (uuids, UTC timestamps, nothing more, nothing less).
describe('client settings answers as its contracts say (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let base: string;

  beforeAll(async () => {
    service = await startServiceForTest(clientSettingsService, { label: 'cscontract', http: true });
    base = service.url ?? '';
  });

  afterAll(() => service?.stop());

  const call = async <S extends z.ZodType>(schema: S, method: string, path: string, token: string, body?: unknown): Promise<z.infer<S>> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const answer: unknown = await res.json();
    expect(res.status).toBeLessThan(300);
    expect(schema.parse(answer)).toEqual(answer);
    return schema.parse(answer);
  };

  it('answers couriers, clients, keys, connections, services, rate tables and assignments as their schemas read them', async () => {
    const courier = await call(CreatedCourierSchema, 'POST', '/v1/couriers', TEST_OPERATOR_TOKEN, { name: 'Acme' });
    const key = courier.apiKey;
    const pickup = { address: { line1: '1 Dock', city: 'Newark', postalCode: '07102', country: 'US' }, contact: { name: 'Dock' } };
    const client = await call(ClientSchema, 'POST', '/v1/clients', key, { name: 'Shop', timezone: 'America/New_York', units: 'kg', defaultPickup: pickup });
    await call(ClientSchema, 'GET', `/v1/clients/${client.id}`, key);
    await call(pageOf(ClientSchema), 'GET', '/v1/clients', key);
    await call(CreatedApiKeySchema, 'POST', `/v1/clients/${client.id}/api-keys`, key);
    const connection = await call(ConnectionWithSecretSchema, 'POST', `/v1/clients/${client.id}/connections`, key, { platform: 'generic', name: 'Back office' });
    await call(pageOf(ConnectionSchema), 'GET', `/v1/clients/${client.id}/connections`, key);
    await call(ConnectionSchema, 'PATCH', `/v1/clients/${client.id}/connections/${connection.id}`, key, { name: 'Till' });
    const rush = await call(ServiceSchema, 'POST', '/v1/services', key, { code: 'RUSH_2H', name: 'Rush', sla: { type: 'WITHIN', minutes: 120 } });
    const rates = await call(RateTableSchema, 'POST', '/v1/rate-tables', key, { name: 'Standard', currency: 'USD', base: { method: 'FLAT', amount: 900 } });
    await call(ServiceAssignmentsSchema, 'PUT', `/v1/clients/${client.id}/services`, key, [{ serviceId: rush.id, rateTableId: rates.id }]);
    await call(IntegrationSettingsSchema, 'PUT', `/v1/clients/${client.id}/integration-settings`, key, { orderCreationEnabled: true, serviceSelectionRule: 'FASTEST' });
  });
});
