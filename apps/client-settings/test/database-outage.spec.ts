import { expectUnavailable, sendRaw, ServiceUnderTest, startServiceForTest, startTcpProxy, TEST_OPERATOR_TOKEN, type TcpProxy } from '@portal/service-kit/testing';
import { clientSettingsService } from '../src/client-settings.service';

// PostgreSQL cut between client settings and the server (a TCP relay; the shared server keeps
// running): reads and writes answer 503 with Retry-After, never 500, and work again once it is back.
describe('client settings while PostgreSQL is unreachable', () => {
  let proxy: TcpProxy;
  let service: ServiceUnderTest<unknown>;
  let courierKey: string;

  const call = (method: string, path: string, token: string, body?: unknown) =>
    sendRaw(service.url ?? '', {
      method,
      path,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const newClient = { name: 'Outage Flowers', timezone: 'America/New_York', units: 'kg' };

  beforeAll(async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: 5432 });
    service = await startServiceForTest(clientSettingsService, { label: 'csout', http: true, databaseVia: proxy });
    const created = await call('POST', '/v1/couriers', TEST_OPERATOR_TOKEN, { name: 'Outage Couriers' });
    expect(created.status).toBe(201);
    courierKey = JSON.parse(created.text).apiKey;
  });

  afterAll(async () => {
    await service?.stop();
    await proxy?.close();
  });

  it('answers 503 to reads and writes while the database is down, and serves them again after', async () => {
    expect((await call('GET', '/v1/clients', courierKey)).status).toBe(200);
    await proxy.cut();
    try {
      expectUnavailable(await call('GET', '/v1/clients', courierKey));
      expectUnavailable(await call('POST', '/v1/clients', courierKey, newClient));
      expectUnavailable(await call('POST', '/v1/couriers', TEST_OPERATOR_TOKEN, { name: 'Another' }));
      expectUnavailable(await call('GET', '/ready', courierKey));
    } finally {
      await proxy.restore();
    }
    expect((await call('POST', '/v1/clients', courierKey, newClient)).status).toBe(201);
    const list = await call('GET', '/v1/clients', courierKey);
    expect(list.status).toBe(200);
    expect(JSON.parse(list.text).items.map((c: { name: string }) => c.name)).toEqual(['Outage Flowers']);
  });
});
