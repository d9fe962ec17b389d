import { ClientSchema, ConnectionSchema, ConnectionWithSecretSchema, CreatedApiKeySchema, CreatedCourierSchema, ErrorBodySchema } from '@portal/contracts';
import type { Client, Connection, ConnectionWithSecret } from '@portal/contracts';
import { request } from './support/api';
import { eventually } from './support/eventually';
import { createClient, createCourier, genericEvent, warehousePickup, type Courier } from './support/fixtures';
import { sendSigned } from './support/hooks';
import { redisKeysContaining, startE2eSystem, type E2eSystem } from './support/system';
import { APPS } from '@portal/system-harness';

jest.setTimeout(120_000);

/** Every error answer has the `{ error: { code, message, details } }` shape. */
const expectError = (body: unknown): void => {
  expect(ErrorBodySchema.safeParse(body).success).toBe(true);
};

describe('platform: couriers, clients, keys, connections (system)', () => {
  let sys: E2eSystem;
  let courierA: Courier;
  let courierB: Courier;
  let clientA: Client;

  beforeAll(async () => {
    sys = await startE2eSystem();
  }, 180_000);

  afterAll(async () => {
    await sys?.stop();
  }, 60_000);

  describe('service basics', () => {
    it.each(APPS.map((a) => [a]))('%s serves /health, /ready and an OpenAPI document at /docs/json', async (app) => {
      const base = sys.system.urls[app];
      const health = await request('GET', `${base}/health`);
      expect(health.status).toBe(200);
      const ready = await request('GET', `${base}/ready`);
      expect(ready.status).toBe(200);
      const docs = await request('GET', `${base}/docs/json`);
      expect(docs.status).toBe(200);
      expect(typeof docs.body).toBe('object');
      expect(String(docs.body.openapi)).toMatch(/^3\./);
      expect(typeof docs.body.paths).toBe('object');
      expect(Object.keys(docs.body.paths).length).toBeGreaterThan(0);
    });

    it('documents the public paths of each service', async () => {
      const paths = async (app: (typeof APPS)[number]): Promise<string[]> =>
        Object.keys((await request('GET', `${sys.system.urls[app]}/docs/json`)).body.paths);
      expect(await paths('client-settings')).toEqual(expect.arrayContaining(['/v1/couriers', '/v1/clients', '/v1/clients/{clientId}']));
      expect(await paths('ingestion-gateway')).toEqual(expect.arrayContaining(['/v1/hooks/{connectionId}']));
      expect(await paths('order-management')).toEqual(expect.arrayContaining(['/v1/orders', '/v1/orders/{orderId}', '/v1/integration-events']));
    });
  });

  describe('couriers', () => {
    it('the operator creates a courier and gets its first API key', async () => {
      const res = await sys.settings(sys.system.operatorToken).post('/v1/couriers', { name: 'Speedy Couriers' });
      expect(res.status).toBe(201);
      const body = CreatedCourierSchema.parse(res.body);
      expect(body.name).toBe('Speedy Couriers');
      expect(body.id).toEqual(expect.any(String));
      expect(body.apiKey.length).toBeGreaterThanOrEqual(20);
      courierA = { ...body, api: sys.settings(body.apiKey) };
      courierB = await createCourier(sys, 'Other Couriers');
      expect(courierB.id).not.toBe(courierA.id);
      expect(courierB.apiKey).not.toBe(courierA.apiKey);
    });

    it('refuses a wrong or missing operator token with 401', async () => {
      const wrong = await sys.settings('not-the-operator-token').post('/v1/couriers', { name: 'Intruder' });
      expect(wrong.status).toBe(401);
      expectError(wrong.body);
      const missing = await sys.settings().post('/v1/couriers', { name: 'Intruder' });
      expect(missing.status).toBe(401);
      expectError(missing.body);
      // A courier key is not the operator token either.
      const courierKey = await courierA.api.post('/v1/couriers', { name: 'Intruder' });
      expect(courierKey.status).toBe(401);
      expectError(courierKey.body);
    });

    it('validates the courier body', async () => {
      const res = await sys.settings(sys.system.operatorToken).post('/v1/couriers', { name: '' });
      expect(res.status).toBe(400);
      expectError(res.body);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('name');
    });
  });

  describe('clients', () => {
    it('a courier creates a client with timezone, units and default pickup', async () => {
      const pickup = warehousePickup();
      const res = await courierA.api.post('/v1/clients', { name: 'Acme Shop', timezone: 'America/New_York', units: 'kg', defaultPickup: pickup });
      expect(res.status).toBe(201);
      clientA = ClientSchema.parse(res.body);
      expect(clientA).toMatchObject({ name: 'Acme Shop', timezone: 'America/New_York', units: 'kg', courierId: courierA.id });
      expect(clientA.defaultPickup).toEqual(pickup);
    });

    it('GET and PATCH a client', async () => {
      const got = await courierA.api.get(`/v1/clients/${clientA.id}`);
      expect(got.status).toBe(200);
      expect(ClientSchema.parse(got.body)).toEqual(clientA);

      const patched = await courierA.api.patch(`/v1/clients/${clientA.id}`, { name: 'Acme Shop Ltd', units: 'lb' });
      expect(patched.status).toBe(200);
      const after = ClientSchema.parse(patched.body);
      expect(after).toMatchObject({ id: clientA.id, name: 'Acme Shop Ltd', units: 'lb', timezone: 'America/New_York' });
      expect(after.defaultPickup).toEqual(clientA.defaultPickup);

      const reread = await courierA.api.get(`/v1/clients/${clientA.id}`);
      expect(reread.body).toMatchObject({ name: 'Acme Shop Ltd', units: 'lb' });
      clientA = ClientSchema.parse(reread.body);
    });

    it('rejects an invalid client with each problem and its path', async () => {
      const res = await courierA.api.post('/v1/clients', { name: 'Bad', timezone: 'Mars/Olympus_Mons', units: 'stone' });
      expect(res.status).toBe(400);
      expectError(res.body);
      const paths = res.body.error.details.map((d: { path: string }) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['timezone', 'units']));
    });

    it('another courier cannot see or change the first courier client (404) and lists only its own', async () => {
      const own = await createClient(courierB, { name: 'B client' });
      const get = await courierB.api.get(`/v1/clients/${clientA.id}`);
      expect(get.status).toBe(404);
      expectError(get.body);
      const patch = await courierB.api.patch(`/v1/clients/${clientA.id}`, { name: 'hijacked' });
      expect(patch.status).toBe(404);
      const settings = await courierB.api.put(`/v1/clients/${clientA.id}/integration-settings`, { orderCreationEnabled: true, serviceSelectionRule: null });
      expect(settings.status).toBe(404);
      const conn = await courierB.api.post(`/v1/clients/${clientA.id}/connections`, { platform: 'generic' });
      expect(conn.status).toBe(404);
      const key = await courierB.api.post(`/v1/clients/${clientA.id}/api-keys`);
      expect(key.status).toBe(404);

      const list = await courierB.api.get('/v1/clients');
      expect(list.status).toBe(200);
      expect(list.body.items.map((c: Client) => c.id)).toEqual([own.id]);
      expect(list.body.nextCursor).toBeNull();
      // Nothing changed for courier A.
      expect((await courierA.api.get(`/v1/clients/${clientA.id}`)).body.name).toBe('Acme Shop Ltd');
    });

    it('lists clients newest first with limit/cursor pagination', async () => {
      const courier = await createCourier(sys);
      const created: Client[] = [];
      for (let i = 0; i < 5; i++) created.push(await createClient(courier, { name: `Paged ${i}` }));
      const newestFirst = created.map((c) => c.id).reverse();

      const all = await courier.api.get('/v1/clients');
      expect(all.status).toBe(200);
      expect(all.body.items.map((c: Client) => c.id)).toEqual(newestFirst);
      expect(all.body.nextCursor).toBeNull();

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await courier.api.get('/v1/clients', { limit: 2, cursor });
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((c: Client) => c.id));
        cursor = page.body.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(newestFirst);

      const tooMany = await courier.api.get('/v1/clients', { limit: 201 });
      expect(tooMany.status).toBe(400);
      expectError(tooMany.body);
    });
  });

  describe('client-scoped keys', () => {
    let clientKey: string;
    let otherClient: Client;

    beforeAll(async () => {
      otherClient = await createClient(courierA, { name: 'Sibling client' });
    });

    it('a courier issues a client-scoped key', async () => {
      const res = await courierA.api.post(`/v1/clients/${clientA.id}/api-keys`);
      expect(res.status).toBe(201);
      const body = CreatedApiKeySchema.parse(res.body);
      expect(body.apiKey).not.toBe(courierA.apiKey);
      clientKey = body.apiKey;
    });

    it('sees only its own client', async () => {
      const api = sys.settings(clientKey);
      const list = await api.get('/v1/clients');
      expect(list.status).toBe(200);
      expect(list.body.items.map((c: Client) => c.id)).toEqual([clientA.id]);
      expect(list.body.nextCursor).toBeNull();
      const own = await api.get(`/v1/clients/${clientA.id}`);
      expect(own.status).toBe(200);
      expect(own.body.id).toBe(clientA.id);
      const sibling = await api.get(`/v1/clients/${otherClient.id}`);
      expect(sibling.status).toBe(404);
      expectError(sibling.body);
      const siblingConnections = await api.get(`/v1/clients/${otherClient.id}/connections`);
      expect(siblingConnections.status).toBe(404);
    });

    it('gets 403 on courier-only endpoints', async () => {
      const api = sys.settings(clientKey);
      const put = await api.put(`/v1/clients/${clientA.id}/integration-settings`, { orderCreationEnabled: true, serviceSelectionRule: null });
      expect(put.status).toBe(403);
      expectError(put.body);
      const create = await api.post('/v1/clients', { name: 'Self-made', timezone: 'America/New_York', units: 'kg' });
      expect(create.status).toBe(403);
      expectError(create.body);
      // Nothing was created.
      const list = await courierA.api.listAll<Client>('/v1/clients');
      expect(list.map((c) => c.name)).not.toContain('Self-made');
    });

    it('answers 401 for a missing or unknown key', async () => {
      const missing = await sys.settings().get('/v1/clients');
      expect(missing.status).toBe(401);
      expectError(missing.body);
      const unknown = await sys.settings('pk_live_this-key-does-not-exist').get('/v1/clients');
      expect(unknown.status).toBe(401);
      expectError(unknown.body);
      const unknownGet = await sys.settings('nope').get(`/v1/clients/${clientA.id}`);
      expect(unknownGet.status).toBe(401);
    });

    it('manages its own client connections', async () => {
      const api = sys.settings(clientKey);
      const created = await api.post(`/v1/clients/${clientA.id}/connections`, { platform: 'woocommerce', name: 'My store' });
      expect(created.status).toBe(201);
      const conn = ConnectionWithSecretSchema.parse(created.body);
      expect(conn.clientId).toBe(clientA.id);
      const list = await api.get(`/v1/clients/${clientA.id}/connections`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((c: Connection) => c.id)).toContain(conn.id);
      const sibling = await api.post(`/v1/clients/${otherClient.id}/connections`, { platform: 'generic' });
      expect(sibling.status).toBe(404);
    });
  });

  describe('connections', () => {
    let generic: ConnectionWithSecret;

    it('creates a generic connection with a webhook URL and a generated signing secret', async () => {
      const res = await courierA.api.post(`/v1/clients/${clientA.id}/connections`, { platform: 'generic', name: 'Warehouse system' });
      expect(res.status).toBe(201);
      generic = ConnectionWithSecretSchema.parse(res.body);
      expect(generic).toMatchObject({ platform: 'generic', name: 'Warehouse system', clientId: clientA.id, settings: {} });
      expect(generic.webhookUrl).toBe(`${sys.system.env.PUBLIC_BASE_URL}/v1/hooks/${generic.id}`);
      expect(generic.signingSecret.length).toBeGreaterThanOrEqual(16);

      const second = await courierA.api.post(`/v1/clients/${clientA.id}/connections`, { platform: 'generic' });
      expect(second.status).toBe(201);
      expect(second.body.signingSecret).not.toBe(generic.signingSecret);
      expect(second.body.id).not.toBe(generic.id);
    });

    it('keeps a given signing secret and settings', async () => {
      const settings = { pieces: { mode: 'FIXED', value: 3 }, defaultWeight: { value: 1, unit: 'kg' } };
      const res = await courierA.api.post(`/v1/clients/${clientA.id}/connections`, {
        platform: 'woocommerce',
        signingSecret: 'a-secret-of-24-characters',
        settings,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ platform: 'woocommerce', signingSecret: 'a-secret-of-24-characters', settings });
    });

    it('never shows the signing secret in the list', async () => {
      const res = await courierA.api.get(`/v1/clients/${clientA.id}/connections`);
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.items.length).toBeGreaterThanOrEqual(3);
      const listed = res.body.items.find((c: Connection) => c.id === generic.id);
      expect(listed).toBeDefined();
      expect(ConnectionSchema.parse(listed)).toMatchObject({ id: generic.id, platform: 'generic', webhookUrl: generic.webhookUrl });
      for (const item of res.body.items) expect(item).not.toHaveProperty('signingSecret');
      expect(res.text).not.toContain(generic.signingSecret);
      expect(res.text).not.toContain('a-secret-of-24-characters');
    });

    it('refuses a shopify connection without a signing secret (400, path signingSecret)', async () => {
      const res = await courierA.api.post(`/v1/clients/${clientA.id}/connections`, { platform: 'shopify', name: 'Shop' });
      expect(res.status).toBe(400);
      expectError(res.body);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('signingSecret');
      const list = await courierA.api.listAll<Connection>(`/v1/clients/${clientA.id}/connections`);
      expect(list.filter((c) => c.platform === 'shopify')).toHaveLength(0);
    });

    it('accepts a shopify connection with the key Shopify issued', async () => {
      const res = await courierA.api.post(`/v1/clients/${clientA.id}/connections`, { platform: 'shopify', signingSecret: 'shpss_0123456789abcdef' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ platform: 'shopify', signingSecret: 'shpss_0123456789abcdef' });
    });

    it('refuses an unknown platform with 400', async () => {
      const res = await courierA.api.post(`/v1/clients/${clientA.id}/connections`, { platform: 'magento' });
      expect(res.status).toBe(400);
      expectError(res.body);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('platform');
    });

    it('a new connection reaches the gateway: its webhook URL stops answering 404', async () => {
      // Integrations are off for the client, so once the gateway knows the connection a signed event gets 403.
      const res = await eventually(async () => {
        const r = await sendSigned(generic.webhookUrl, generic.signingSecret, genericEvent());
        expect(r.status).not.toBe(404);
        return r;
      }, 10_000);
      expect(res.status).toBe(403);
      expectError(res.body);
    });

    it('signing secrets do not stay in Redis once the settings jobs carrying them are applied', async () => {
      const rotated = await courierA.api.post<ConnectionWithSecret>(`/v1/clients/${clientA.id}/connections/${generic.id}/rotate-secret`, {});
      expect(rotated.status).toBe(200);
      // The gateway applied the rotation once the new secret verifies.
      await eventually(async () => {
        const r = await sendSigned(generic.webhookUrl, rotated.body.signingSecret, genericEvent());
        expect(r.status).toBe(403);
      }, 10_000);
      const holders = await eventually(async () => {
        const found = await redisKeysContaining(sys.system.redisUrl, sys.system.queuePrefix, [generic.signingSecret, rotated.body.signingSecret]);
        expect(found).toEqual([]);
        return found;
      }, 10_000);
      expect(holders).toEqual([]);
    });
  });
});
