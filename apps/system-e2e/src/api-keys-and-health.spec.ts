import { ApiKeySchema, ConnectionSchema, CreatedApiKeySchema, pageOf } from '@portal/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from './support/eventually';
import { createClient, createCourier, enabledClientWithConnection, genericEvent, sendWhenConfigured, type Courier } from './support/fixtures';
import { startE2eSystem, type E2eSystem } from './support/system';

jest.setTimeout(120_000);

const KeyPageSchema = pageOf(ApiKeySchema);
const ConnectionPageSchema = pageOf(ConnectionSchema);

describe('API keys and connection health across the apps (system)', () => {
  let sys: E2eSystem;
  let courier: Courier;

  beforeAll(async () => {
    // Activity batches every quarter second, so "last seen" shows without waiting the default 5 s.
    sys = await startE2eSystem({ ACTIVITY_FLUSH_MS: '250' });
    courier = await createCourier(sys);
  }, 180_000);

  afterAll(async () => {
    await sys?.stop();
  }, 60_000);

  const keys = async (token: string) => {
    const res = await sys.settings(token).get('/v1/api-keys');
    expect(res.status).toBe(200);
    return KeyPageSchema.parse(res.body).items;
  };

  it('documents the key endpoints', async () => {
    const docs = await sys.settings().get('/docs/json');
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/v1/api-keys', '/v1/api-keys/{keyId}']));
    expect(Object.keys(docs.body.paths['/v1/api-keys'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(docs.body.paths['/v1/api-keys/{keyId}'])).toEqual(['delete']);
  });

  it('rotates a courier key: the new key works everywhere, the revoked one answers 401 on client settings and order management', async () => {
    const created = await courier.api.post('/v1/api-keys', { name: 'Rotated in' });
    expect(created.status).toBe(201);
    const fresh = CreatedApiKeySchema.parse(created.body);
    const oldKeyId = (await keys(fresh.apiKey)).find((k) => k.clientId === null && k.id !== fresh.id)?.id;

    expect((await sys.settings(fresh.apiKey).get('/v1/clients')).status).toBe(200);
    // A key created a moment ago may be unknown to order management until the change reaches it.
    await eventually(async () => expect((await sys.orders(fresh.apiKey).get('/v1/orders')).status).toBe(200), 5000, 50);
    expect((await sys.orders(courier.apiKey).get('/v1/orders')).status).toBe(200);

    expect((await sys.settings(fresh.apiKey).delete(`/v1/api-keys/${oldKeyId}`)).status).toBe(204);
    expect((await sys.settings(courier.apiKey).get('/v1/clients')).status).toBe(401);
    await eventually(async () => expect((await sys.orders(courier.apiKey).get('/v1/orders')).status).toBe(401), 5000, 50);
    expect((await sys.orders(fresh.apiKey).get('/v1/orders')).status).toBe(200);

    const last = await sys.settings(fresh.apiKey).delete(`/v1/api-keys/${fresh.id}`);
    expect(last).toMatchObject({ status: 409, body: { error: { code: 'LAST_COURIER_KEY' } } });
    courier = { ...courier, apiKey: fresh.apiKey, api: sys.settings(fresh.apiKey) };
  });

  it("shows when a key was last used, on order management too, and refuses a revoked client key there", async () => {
    const client = await createClient(courier);
    const issued = CreatedApiKeySchema.parse((await courier.api.post(`/v1/clients/${client.id}/api-keys`, { name: 'Orders dashboard' })).body);
    expect((await keys(courier.apiKey)).find((k) => k.id === issued.id)).toMatchObject({ name: 'Orders dashboard', lastUsedAt: null });

    // Used on order management only: client settings learns of it from the api-key.uses batch.
    const before = Date.now();
    await eventually(async () => expect((await sys.orders(issued.apiKey).get('/v1/orders', { clientId: client.id })).status).toBe(200), 5000, 50);
    const used = await eventually(async () => {
      const key = (await keys(courier.apiKey)).find((k) => k.id === issued.id);
      expect(key?.lastUsedAt).not.toBeNull();
      return key;
    }, 10_000, 100);
    expect(Date.parse(used?.lastUsedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);

    expect((await courier.api.delete(`/v1/api-keys/${issued.id}`)).status).toBe(204);
    expect((await sys.settings(issued.apiKey).get(`/v1/clients/${client.id}`)).status).toBe(401);
    await eventually(async () => expect((await sys.orders(issued.apiKey).get('/v1/orders', { clientId: client.id })).status).toBe(401), 5000, 50);
  });

  it('a delivery makes a NEW connection OK with lastDeliveryAt; quiet past silentAfterHours it turns SILENT and the gauge counts it', async () => {
    const { client, connection } = await enabledClientWithConnection(courier, { name: `Health ${randomUUID().slice(0, 8)}` });
    const path = `/v1/clients/${client.id}/connections`;
    const listed = async () => ConnectionPageSchema.parse((await courier.api.get(path)).body).items.find((c) => c.id === connection.id);
    expect(await listed()).toMatchObject({ lastDeliveryAt: null, health: 'NEW' });

    const before = Date.now();
    const answer = await sendWhenConfigured(connection, genericEvent());
    expect(answer.status).toBe(202);
    const ok = await eventually(async () => {
      const shown = await listed();
      expect(shown?.health).toBe('OK');
      return shown;
    }, 10_000, 100);
    expect(Date.parse(ok?.lastDeliveryAt ?? '')).toBeGreaterThanOrEqual(before - 1000);

    // About a second of silence is enough with a tiny threshold.
    const patched = await courier.api.patch(`${path}/${connection.id}`, { settings: { silentAfterHours: 0.0003 } });
    expect(patched.status).toBe(200);
    await eventually(async () => expect((await listed())?.health).toBe('SILENT'), 10_000, 200);
    const metrics = await sys.settings().get('/metrics');
    expect(metrics.text).toContain(`integration_connections_silent{courier_id="${courier.id}"} 1`);
  });
});
