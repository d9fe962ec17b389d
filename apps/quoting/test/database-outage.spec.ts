import { expectUnavailable, sendRaw, ServiceUnderTest, startServiceForTest, startTcpProxy, type TcpProxy } from '@portal/service-kit/testing';
import { quotingService } from '../src/quoting.service';

// Quoting serves no business endpoint over HTTP (it answers over queues): its readiness is what a
// load balancer asks, and it must say 503 with Retry-After, never 500, while PostgreSQL is cut.
describe('quoting while PostgreSQL is unreachable', () => {
  let proxy: TcpProxy;
  let service: ServiceUnderTest<unknown>;
  const ready = () => sendRaw(service.url ?? '', { method: 'GET', path: '/ready' });

  beforeAll(async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: 5432 });
    service = await startServiceForTest(quotingService, { label: 'qout', http: true, databaseVia: proxy });
  });

  afterAll(async () => {
    await service?.stop();
    await proxy?.close();
  });

  it('is not ready while the database is down, and ready again after', async () => {
    expect((await ready()).status).toBe(200);
    await proxy.cut();
    try {
      expectUnavailable(await ready());
    } finally {
      await proxy.restore();
    }
    expect((await ready()).status).toBe(200);
  });
});
