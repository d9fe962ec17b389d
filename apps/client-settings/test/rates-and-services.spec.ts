import { ClientChangedJobSchema, ClientServicesChangedJobSchema, QueueNames } from '@portal/contracts';
import { ServiceUnderTest, startServiceForTest, testQueuePrefix } from '@portal/service-kit/testing';
import { Queue } from 'bullmq';
import { clientSettingsService } from '../src/client-settings.service';

type Body = Record<string, unknown> & { id: string; apiKey: string; items: unknown[]; error: { code: string; details: { path: string }[] } };

describe('services, rate tables and assignments over HTTP (PostgreSQL + Redis)', () => {
  let underTest: ServiceUnderTest<unknown>;
  let base: string;
  let key: string;
  const prefix = testQueuePrefix();
  const quoting = new Queue(QueueNames.settingsForQuoting, { connection: { host: '127.0.0.1', port: 6379 }, prefix });

  const call = async (method: string, path: string, body?: unknown, token = key) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (res.status === 204 ? {} : await res.json()) as Body };
  };

  const service = { code: 'RUSH_2H', name: '2-hour rush', sla: { type: 'WITHIN', minutes: 120 }, hours: { mon: ['08:00', '20:00'] }, blackoutDates: ['2026-12-25'], maxPieces: 10 };
  const table = { name: 'Standard', currency: 'USD', base: { method: 'PER_KM', amount: 500, unitAmount: 150 }, modifiers: [{ metric: 'WEIGHT_KG', above: 10, unitAmount: 100 }], minimum: 700, maximum: 5000 };

  beforeAll(async () => {
    underTest = await startServiceForTest(clientSettingsService, { label: 'csrs', queuePrefix: prefix, http: true });
    base = underTest.url ?? '';
    key = (await call('POST', '/v1/couriers', { name: 'Acme' }, 'operator-token-for-tests')).body.apiKey;
  });

  afterAll(async () => {
    await quoting.obliterate({ force: true });
    await quoting.close();
    await underTest?.stop();
  });

  it.each([
    ['a cutoff that is not a time', { ...service, sla: { type: 'SAME_DAY', cutoff: '25:00' } }, 'sla.cutoff'],
    ['a polygon that does not close', { ...service, area: { type: 'Polygon', coordinates: [[[-74.1, 40.6], [-73.7, 40.6], [-73.7, 40.9], [-74.0, 40.7]]] } }, 'area.coordinates.0'],
    ['hours that close before they open', { ...service, hours: { mon: ['20:00', '08:00'] } }, 'hours.mon'],
    ['a blackout date that is not a date', { ...service, blackoutDates: ['2026-13-45'] }, 'blackoutDates.0'],
  ])('refuses a service with %s, naming the field', async (_name, body, path) => {
    const res = await call('POST', '/v1/services', body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d) => d.path)).toContain(path);
  });

  it.each([
    ['an unknown method', { ...table, base: { method: 'PER_PARSEC', amount: 1 } }, 'base.method'],
    ['a negative amount', { ...table, base: { ...table.base, amount: -1 } }, 'base.amount'],
    ['a fractional base amount', { ...table, base: { ...table.base, amount: 10.5 } }, 'base.amount'],
    ['a minimum above the maximum', { ...table, minimum: 6000 }, 'maximum'],
    ['a per-unit method without its unit amount', { ...table, base: { method: 'PER_KG', amount: 100 } }, 'base.unitAmount'],
  ])('refuses a rate table with %s, naming the field', async (_name, body, path) => {
    const res = await call('POST', '/v1/rate-tables', body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d) => d.path)).toContain(path);
  });

  it('keeps service codes unique per courier, and another courier may reuse one', async () => {
    expect((await call('POST', '/v1/services', service)).status).toBe(201);
    expect((await call('POST', '/v1/services', service)).status).toBe(409);
    const other = (await call('POST', '/v1/couriers', { name: 'Other' }, 'operator-token-for-tests')).body.apiKey;
    expect((await call('POST', '/v1/services', service, other)).status).toBe(201);
  });

  it('assigns pairs, requires a rule to enable integrations, and tells every app the client uses Rates and Services', async () => {
    const client = (await call('POST', '/v1/clients', { name: 'Shop', timezone: 'America/New_York', units: 'kg' })).body;
    const svc = (await call('POST', '/v1/services', { ...service, code: 'SAME' , sla: { type: 'SAME_DAY', cutoff: '14:00' } })).body;
    const rates = (await call('POST', '/v1/rate-tables', table)).body;
    const put = await call('PUT', `/v1/clients/${client.id}/services`, [{ serviceId: svc.id, rateTableId: rates.id }]);
    expect(put).toEqual({ status: 200, body: [{ serviceId: svc.id, rateTableId: rates.id }] });
    expect((await call('GET', `/v1/clients/${client.id}/services`)).body).toEqual([{ serviceId: svc.id, rateTableId: rates.id }]);

    const withoutRule = await call('PUT', `/v1/clients/${client.id}/integration-settings`, { orderCreationEnabled: true, serviceSelectionRule: null });
    expect(withoutRule.status).toBe(422);
    expect(withoutRule.body.error.code).toBe('RULE_REQUIRED');
    expect((await call('PUT', `/v1/clients/${client.id}/integration-settings`, { orderCreationEnabled: true, serviceSelectionRule: 'CHEAPEST' })).status).toBe(200);

    expect((await call('DELETE', `/v1/rate-tables/${rates.id}`)).status).toBe(409);
    expect((await call('PUT', `/v1/clients/${client.id}/services`, [{ serviceId: svc.id, rateTableId: '01a20e66-0000-7000-8000-000000000000' }])).status).toBe(400);

    // Each change reaches the queue through its own outbox relay pass, so the assignment and the
    // settings change may arrive in either order: wait until both are there (PRODUCT: within a second).
    const jobs = async () => (await quoting.getJobs(['waiting'])).map((j) => j.data as { name: string; clientId?: string; client?: { id: string } });
    const latest = async () => {
      const all = await jobs();
      const assignments = all.find((j) => j.name === 'client-services.changed' && j.clientId === client.id);
      const changes = all.filter((j) => j.name === 'client.changed' && j.client?.id === client.id).map((j) => ClientChangedJobSchema.parse(j));
      const newest = changes.sort((a, b) => b.version - a.version)[0];
      return { assignments: assignments && ClientServicesChangedJobSchema.parse(assignments), client: newest?.client };
    };
    const deadline = Date.now() + 10_000;
    let seen = await latest();
    while ((!seen.assignments || !seen.client?.orderCreationEnabled) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      seen = await latest();
    }
    expect(seen.assignments?.assignments).toEqual([{ serviceId: svc.id, rateTableId: rates.id }]);
    expect(seen.client).toMatchObject({ usesRatesAndServices: true, serviceSelectionRule: 'CHEAPEST', orderCreationEnabled: true });

    // Deleting the client's last service leaves it without Rates and Services, nothing else broken.
    expect((await call('DELETE', `/v1/services/${svc.id}`)).status).toBe(204);
    expect((await call('GET', `/v1/clients/${client.id}/services`)).body).toEqual([]);
    expect((await call('GET', `/v1/services/${svc.id}`)).status).toBe(404);
  });

  it('applies a PATCH to the stored table and validates the result whole', async () => {
    const rates = (await call('POST', '/v1/rate-tables', table)).body;
    expect((await call('PATCH', `/v1/rate-tables/${rates.id}`, { minimum: 9000 })).status).toBe(400);
    const patched = await call('PATCH', `/v1/rate-tables/${rates.id}`, { base: { method: 'FLAT', amount: 900 } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ base: { method: 'FLAT', amount: 900 }, minimum: 700, maximum: 5000, currency: 'USD' });
  });

  it('keeps client keys out of courier configuration', async () => {
    const client = (await call('POST', '/v1/clients', { name: 'Shop', timezone: 'UTC', units: 'kg' })).body;
    const clientKey = (await call('POST', `/v1/clients/${client.id}/api-keys`)).body.apiKey;
    expect((await call('GET', '/v1/services', undefined, clientKey)).status).toBe(403);
    expect((await call('POST', '/v1/rate-tables', table, clientKey)).status).toBe(403);
    expect((await call('GET', `/v1/clients/${client.id}/services`, undefined, clientKey)).status).toBe(403);
  });
});
