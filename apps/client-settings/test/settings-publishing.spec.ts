import { ConnectionChangedJobSchema, QueueNames, SETTINGS_SUBSCRIBER_QUEUES } from '@portal/contracts';
import { ServiceUnderTest, startServiceForTest, testQueuePrefix } from '@portal/service-kit/testing';
import { Queue } from 'bullmq';
import { clientSettingsService } from '../src/client-settings.service';

describe('client settings over HTTP (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let base: string;
  const prefix = testQueuePrefix();
  const queues = SETTINGS_SUBSCRIBER_QUEUES.map((name) => new Queue(name, { connection: { host: '127.0.0.1', port: 6379 }, prefix }));

  beforeAll(async () => {
    service = await startServiceForTest(clientSettingsService, { label: 'cs', queuePrefix: prefix, http: true });
    base = service.url ?? '';
  });

  afterAll(async () => {
    await Promise.all(queues.map(async (q) => (await q.obliterate({ force: true }), await q.close())));
    await service?.stop();
  });

  // Answers are read loosely on purpose: each test asserts the fields it cares about.
  const call = async <T = Record<string, string> & { items: unknown[] }>(method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as T };
  };

  it('publishes each change to every consuming app, with signing secrets for the gateway only', async () => {
    const courier = await call('POST', '/v1/couriers', 'operator-token-for-tests', { name: 'Acme' });
    expect(courier.status).toBe(201);
    const client = await call('POST', '/v1/clients', courier.body.apiKey, { name: 'Shop', timezone: 'UTC', units: 'kg' });
    const connection = await call('POST', `/v1/clients/${client.body.id}/connections`, courier.body.apiKey, { platform: 'generic' });
    expect(connection.status).toBe(201);

    const deadline = Date.now() + 10_000;
    const connectionJobs = async () => Promise.all(queues.map(async (q) => (await q.getJobs(['waiting'])).filter((j) => j.name === 'connection.changed')));
    let jobs = await connectionJobs();
    while (jobs.some((list) => list.length === 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      jobs = await connectionJobs();
    }
    const byQueue = Object.fromEntries(SETTINGS_SUBSCRIBER_QUEUES.map((name, i) => [name, ConnectionChangedJobSchema.parse(jobs[i][0].data)]));
    expect(byQueue[QueueNames.settingsForGateway].connection.secrets).toEqual([{ secret: connection.body.signingSecret, expiresAt: null }]);
    expect(byQueue[QueueNames.settingsForOrderManagement].connection.secrets).toEqual([]);
    expect(byQueue[QueueNames.settingsForQuoting].connection.secrets).toEqual([]);
  });

  it('keeps tenants apart: other couriers get 404, client keys 403 on courier-only routes, bad keys 401', async () => {
    const a = await call('POST', '/v1/couriers', 'operator-token-for-tests', { name: 'A' });
    const b = await call('POST', '/v1/couriers', 'operator-token-for-tests', { name: 'B' });
    const client = await call('POST', '/v1/clients', a.body.apiKey, { name: 'Shop', timezone: 'America/New_York', units: 'lb' });
    const clientKey = await call('POST', `/v1/clients/${client.body.id}/api-keys`, a.body.apiKey);

    expect((await call('GET', `/v1/clients/${client.body.id}`, b.body.apiKey)).status).toBe(404);
    expect((await call('GET', '/v1/clients', b.body.apiKey)).body.items).toEqual([]);
    expect((await call('GET', `/v1/clients/${client.body.id}`, clientKey.body.apiKey)).status).toBe(200);
    expect((await call('PUT', `/v1/clients/${client.body.id}/integration-settings`, clientKey.body.apiKey, { orderCreationEnabled: true, serviceSelectionRule: null })).status).toBe(403);
    expect((await call('GET', '/v1/clients', 'cpk_not-a-key')).status).toBe(401);
    expect((await call('POST', '/v1/couriers', 'wrong-operator-token', { name: 'C' })).status).toBe(401);
    // PostgreSQL cannot store U+0000: the caller hears it as a 400, never a 500.
    expect((await call('POST', '/v1/clients', a.body.apiKey, { name: 'Sh\u0000op', timezone: 'UTC', units: 'kg' })).status).toBe(400);
  });

  it('pages clients newest first, and no cursor widens what a client key lists', async () => {
    const courier = await call('POST', '/v1/couriers', 'operator-token-for-tests', { name: 'Pages' });
    const own = await call('POST', '/v1/clients', courier.body.apiKey, { name: 'Own', timezone: 'UTC', units: 'kg' });
    const sibling = await call('POST', '/v1/clients', courier.body.apiKey, { name: 'Sibling', timezone: 'UTC', units: 'kg' });
    const clientKey = await call('POST', `/v1/clients/${own.body.id}/api-keys`, courier.body.apiKey);

    const first = await call<{ items: { id: string }[]; nextCursor: string | null }>('GET', '/v1/clients?limit=1', courier.body.apiKey);
    expect(first.body.items.map((c) => c.id)).toEqual([sibling.body.id]);
    const second = await call<{ items: { id: string }[]; nextCursor: string | null }>('GET', `/v1/clients?limit=1&cursor=${first.body.nextCursor}`, courier.body.apiKey);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: own.body.id })], nextCursor: null });

    // A cursor past every id, as a client key holder could write one by hand.
    const forged = Buffer.from('ffffffff-ffff-7fff-bfff-ffffffffffff').toString('base64url');
    const listed = await call<{ items: { id: string }[] }>('GET', `/v1/clients?cursor=${forged}`, clientKey.body.apiKey);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((c) => c.id)).toEqual([own.body.id]);
  });

  it('rotates a secret and keeps Shopify secrets the client provides', async () => {
    const courier = await call('POST', '/v1/couriers', 'operator-token-for-tests', { name: 'R' });
    const client = await call('POST', '/v1/clients', courier.body.apiKey, { name: 'Shop', timezone: 'UTC', units: 'kg' });
    const path = `/v1/clients/${client.body.id}/connections`;
    const shopify = await call('POST', path, courier.body.apiKey, { platform: 'shopify' });
    expect(shopify).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', details: [{ path: 'signingSecret' }] } } });
    const generic = await call('POST', path, courier.body.apiKey, { platform: 'generic' });
    const rotated = await call('POST', `${path}/${generic.body.id}/rotate-secret`, courier.body.apiKey, {});
    expect(rotated.status).toBe(200);
    expect(rotated.body.signingSecret).not.toBe(generic.body.signingSecret);
    const patched = await call<Record<string, unknown>>('PATCH', `${path}/${generic.body.id}`, courier.body.apiKey, {
      name: 'Back office',
      settings: { createOnStatuses: ['processing'], pieces: { mode: 'FIXED', value: 1 }, defaultWeight: { value: 1, unit: 'kg' } },
    });
    expect(patched).toMatchObject({ status: 200, body: { id: generic.body.id, name: 'Back office', webhookUrl: generic.body.webhookUrl, settings: { pieces: { mode: 'FIXED', value: 1 } } } });
    expect(patched.body).not.toHaveProperty('signingSecret');
    expect((await call('PATCH', `${path}/${generic.body.id}`, courier.body.apiKey, { settings: { pieces: { mode: 'FIXED' } } })).status).toBe(400);
    const listed = await call('GET', path, courier.body.apiKey);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).not.toHaveProperty('signingSecret');
  });
});
