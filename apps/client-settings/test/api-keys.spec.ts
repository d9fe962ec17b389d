import { ApiKeyChangedJobSchema, ApiKeySchema, pageOf, QueueNames } from '@portal/contracts';
import { bullJob } from '@portal/messaging';
import { ServiceUnderTest, startServiceForTest, TEST_OPERATOR_TOKEN, testQueuePrefix } from '@portal/service-kit/testing';
import { Queue } from 'bullmq';
import { clientSettingsService } from '../src/client-settings.service';

const KeyPageSchema = pageOf(ApiKeySchema);

describe('API keys: list, issue, revoke, last used (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let base: string;
  const prefix = testQueuePrefix();
  const connection = { host: '127.0.0.1', port: 6379 };
  const activity = new Queue(QueueNames.settingsActivity, { connection, prefix });
  const toOrderManagement = new Queue(QueueNames.settingsForOrderManagement, { connection, prefix });

  beforeAll(async () => {
    service = await startServiceForTest(clientSettingsService, { label: 'cskeys', queuePrefix: prefix, http: true, env: { ACTIVITY_FLUSH_MS: '100' } });
    base = service.url ?? '';
  });

  afterAll(async () => {
    for (const queue of [activity, toOrderManagement]) {
      await queue.obliterate({ force: true });
      await queue.close();
    }
    await service?.stop();
  });

  // Answers are read loosely on purpose: each test asserts the fields it cares about.
  const call = async <T = Record<string, string>>(method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const listKeys = async (token: string, query = '') => {
    const res = await call('GET', `/v1/api-keys${query}`, token);
    expect(res.status).toBe(200);
    return KeyPageSchema.parse(res.body);
  };
  const until = async (probe: () => Promise<boolean>) => {
    const deadline = Date.now() + 10_000;
    while (!(await probe()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  };

  /** A courier with its first key, a client, a key of that client, and a sibling client with a key. */
  const tenant = async (name: string) => {
    const courier = await call('POST', '/v1/couriers', TEST_OPERATOR_TOKEN, { name });
    const client = await call('POST', '/v1/clients', courier.body.apiKey, { name: 'Shop', timezone: 'UTC', units: 'kg' });
    const sibling = await call('POST', '/v1/clients', courier.body.apiKey, { name: 'Sibling', timezone: 'UTC', units: 'kg' });
    const clientKey = await call('POST', `/v1/clients/${client.body.id}/api-keys`, courier.body.apiKey, { name: 'Warehouse scanner' });
    const siblingKey = await call('POST', `/v1/clients/${sibling.body.id}/api-keys`, courier.body.apiKey);
    expect(clientKey.status).toBe(201);
    return { courier: courier.body, client: client.body, sibling: sibling.body, clientKey: clientKey.body, siblingKey: siblingKey.body };
  };

  it("lists a courier's own keys and its clients', and a client key its own client's, never the keys", async () => {
    const t = await tenant('Lists');
    const other = await tenant('Other');

    const all = await listKeys(t.courier.apiKey);
    expect(all.items.map((k) => [k.id, k.clientId, k.name])).toEqual([
      [t.siblingKey.id, t.sibling.id, 'Client key'],
      [t.clientKey.id, t.client.id, 'Warehouse scanner'],
      [expect.any(String), null, 'Courier key'],
    ]);
    expect(all.items.every((k) => k.revokedAt === null && !Number.isNaN(Date.parse(k.createdAt)))).toBe(true);
    const raw = JSON.stringify((await call('GET', '/v1/api-keys', t.courier.apiKey)).body);
    for (const secret of [t.courier.apiKey, t.clientKey.apiKey, t.siblingKey.apiKey]) expect(raw).not.toContain(secret);
    expect(raw).not.toMatch(/keyHash|apiKey/);

    expect((await listKeys(t.clientKey.apiKey)).items.map((k) => k.id)).toEqual([t.clientKey.id]);
    expect((await listKeys(other.courier.apiKey)).items.map((k) => k.id)).not.toContain(t.clientKey.id);

    const first = await listKeys(t.courier.apiKey, '?limit=2');
    expect(first.items).toHaveLength(2);
    const rest = await listKeys(t.courier.apiKey, `?limit=2&cursor=${first.nextCursor}`);
    expect(rest).toEqual({ items: [expect.objectContaining({ clientId: null })], nextCursor: null });
    expect((await call('GET', '/v1/api-keys?limit=0', t.courier.apiKey)).status).toBe(400);
  });

  it('issues another courier key that works at once; only a courier may, and a name is optional but not empty', async () => {
    const t = await tenant('Rotation');
    const named = await call('POST', '/v1/api-keys', t.courier.apiKey, { name: 'CI deploys' });
    expect(named.status).toBe(201);
    expect(named.body).toEqual({ id: expect.any(String), apiKey: expect.stringMatching(/^cpk_/) });
    const unnamed = await call('POST', '/v1/api-keys', named.body.apiKey);
    expect(unnamed.status).toBe(201);
    const keys = await listKeys(named.body.apiKey);
    expect(keys.items.filter((k) => k.clientId === null).map((k) => k.name)).toEqual(['Courier key', 'CI deploys', 'Courier key']);

    expect((await call('POST', '/v1/api-keys', t.clientKey.apiKey, {})).status).toBe(403);
    const empty = await call<{ error: { code: string; details: { path: string }[] } }>('POST', '/v1/api-keys', t.courier.apiKey, { name: '  ' });
    expect(empty).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', details: [{ path: 'name' }] } } });
  });

  it('revokes a key: refused at once here, published as revoked, listed with when', async () => {
    const t = await tenant('Revoke');
    expect((await call('GET', '/v1/clients', t.clientKey.apiKey)).status).toBe(200);
    const revoked = await call('DELETE', `/v1/api-keys/${t.clientKey.id}`, t.courier.apiKey);
    expect(revoked).toEqual({ status: 204, body: undefined });
    expect((await call('GET', '/v1/clients', t.clientKey.apiKey)).status).toBe(401);
    expect((await call('DELETE', `/v1/api-keys/${t.clientKey.id}`, t.courier.apiKey)).status).toBe(204);

    const listed = (await listKeys(t.courier.apiKey)).items.find((k) => k.id === t.clientKey.id);
    expect(Date.parse(listed?.revokedAt ?? '')).not.toBeNaN();

    let published: unknown;
    await until(async () => {
      const jobs = await toOrderManagement.getJobs(['waiting']);
      published = jobs.map((j) => ApiKeyChangedJobSchema.safeParse(j.data)).find((p) => p.success && p.data.apiKey.id === t.clientKey.id && p.data.apiKey.revoked)?.data;
      return published !== undefined;
    });
    expect(published).toMatchObject({ name: 'api-key.changed', apiKey: { id: t.clientKey.id, clientId: t.client.id, revoked: true } });
  });

  it("lets a client key revoke its own client's keys only; other tenants' and unknown ids are 404", async () => {
    const t = await tenant('Scopes');
    const other = await tenant('Elsewhere');
    const second = await call('POST', `/v1/clients/${t.client.id}/api-keys`, t.clientKey.apiKey);
    const courierKeyId = (await listKeys(t.courier.apiKey)).items.find((k) => k.clientId === null)?.id;

    expect((await call('DELETE', `/v1/api-keys/${t.siblingKey.id}`, t.clientKey.apiKey)).status).toBe(404);
    expect((await call('DELETE', `/v1/api-keys/${courierKeyId}`, t.clientKey.apiKey)).status).toBe(404);
    expect((await call('DELETE', `/v1/api-keys/${t.clientKey.id}`, other.courier.apiKey)).status).toBe(404);
    expect((await call('DELETE', '/v1/api-keys/0190f5f0-0000-7000-8000-000000000000', t.courier.apiKey)).status).toBe(404);
    expect((await call('DELETE', '/v1/api-keys/not-an-id', t.courier.apiKey)).status).toBe(404);
    expect((await call('GET', '/v1/clients', t.siblingKey.apiKey)).status).toBe(200);

    expect((await call('DELETE', `/v1/api-keys/${second.body.id}`, t.clientKey.apiKey)).status).toBe(204);
    // A client may revoke its last key, even the one it calls with.
    expect((await call('DELETE', `/v1/api-keys/${t.clientKey.id}`, t.clientKey.apiKey)).status).toBe(204);
    expect((await call('GET', '/v1/clients', t.clientKey.apiKey)).status).toBe(401);
  });

  it("keeps the courier's last active courier key, even when its last two are revoked at once", async () => {
    const t = await tenant('Last key');
    const firstId = (await listKeys(t.courier.apiKey)).items.find((k) => k.clientId === null)?.id ?? '';
    const last = await call<{ error: { code: string; message: string } }>('DELETE', `/v1/api-keys/${firstId}`, t.courier.apiKey);
    expect(last).toMatchObject({ status: 409, body: { error: { code: 'LAST_COURIER_KEY', message: expect.stringContaining('POST /v1/api-keys') } } });

    // Each round: the one active courier key and a new one, revoked at the same moment, each request
    // calling with the other key. The second to run finds one key left (409), or, if the first
    // finished before it was even authenticated, calls with a revoked key (401). Never zero keys.
    let active = { id: firstId, apiKey: t.courier.apiKey };
    for (let round = 0; round < 5; round++) {
      const added = await call('POST', '/v1/api-keys', active.apiKey, { name: `round ${round}` });
      const fresh = { id: added.body.id, apiKey: added.body.apiKey };
      const [oldGone, freshGone] = await Promise.all([
        call('DELETE', `/v1/api-keys/${active.id}`, fresh.apiKey),
        call('DELETE', `/v1/api-keys/${fresh.id}`, active.apiKey),
      ]);
      expect([[204, 409], [204, 401]]).toContainEqual([oldGone.status, freshGone.status].sort());
      active = oldGone.status === 204 ? fresh : active;
      const courierKeys = (await listKeys(active.apiKey)).items.filter((k) => k.clientId === null && k.revokedAt === null);
      expect(courierKeys.map((k) => k.id)).toEqual([active.id]);
    }
  });

  it('shows when a key was last used here, written in batches, not per request', async () => {
    const t = await tenant('Used here');
    const before = Date.now();
    expect((await listKeys(t.courier.apiKey)).items.find((k) => k.id === t.clientKey.id)?.lastUsedAt).toBeNull();
    expect((await call('GET', `/v1/clients/${t.client.id}`, t.clientKey.apiKey)).status).toBe(200);
    let lastUsedAt: string | null | undefined = null;
    await until(async () => {
      lastUsedAt = (await listKeys(t.courier.apiKey)).items.find((k) => k.id === t.clientKey.id)?.lastUsedAt;
      return lastUsedAt != null;
    });
    expect(Date.parse(lastUsedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
  });

  it("applies other apps' api-key.uses batches: times only move forward and never past now; malformed batches fail for good", async () => {
    const t = await tenant('Used elsewhere');
    const lastUsed = async () => (await listKeys(t.courier.apiKey)).items.find((k) => k.id === t.siblingKey.id)?.lastUsedAt ?? null;
    const send = async (at: string) => {
      const { name, data, opts } = bullJob({ queue: QueueNames.settingsActivity, data: { v: 1, name: 'api-key.uses', uses: [{ keyId: t.siblingKey.id, at }] } });
      const job = await activity.add(name, data, opts);
      await until(async () => (await job.getState()) === 'completed');
    };

    await send('2026-03-01T10:00:00.000Z');
    expect(await lastUsed()).toBe('2026-03-01T10:00:00.000Z');
    await send('2026-02-01T10:00:00.000Z');
    expect(await lastUsed()).toBe('2026-03-01T10:00:00.000Z');
    const now = Date.now();
    await send(new Date(now + 3600_000).toISOString());
    expect(Date.parse((await lastUsed()) ?? '')).toBeLessThan(now + 60_000);

    const bad = await activity.add('api-key.uses', { v: 1, name: 'api-key.uses', uses: [{ keyId: t.siblingKey.id, at: 'yesterday' }] });
    await until(async () => (await bad.getState()) === 'failed');
    const failed = await activity.getJob(bad.id ?? '');
    expect(failed?.failedReason).toMatch(/not a date/);
    expect(failed?.attemptsMade).toBe(1);
  });
});
