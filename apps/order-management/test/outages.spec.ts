import { MikroORM } from '@mikro-orm/core';
import { hashApiKey } from '@portal/service-kit';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventually, expectUnavailable, sendRaw, ServiceUnderTest, startServiceForTest, startTcpProxy, type TcpProxy } from '@portal/service-kit/testing';
import { v7 as uuidv7 } from 'uuid';
import { ApiKeyView } from '../src/entities/api-key-view.entity';
import { ClientView } from '../src/entities/client-view.entity';
import { orderManagementService } from '../src/order-management.service';

// PostgreSQL and Redis each cut between order management and the server (TCP relays; the shared
// servers keep running): a request that needs what is gone answers 503 with Retry-After, never
// 500, and works again once it is back.
jest.setTimeout(60_000);

describe('order management while PostgreSQL or Redis is unreachable', () => {
  let database: TcpProxy;
  let redis: TcpProxy;
  let service: ServiceUnderTest<unknown>;
  const key = 'cpk_outage_test_key_of_enough_length';
  const clientId = uuidv7();

  const call = (method: string, path: string, body?: unknown) =>
    sendRaw(service.url ?? '', {
      method,
      path,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const task = { address: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' }, contact: { name: 'Homer' } };
  const quote = { clientId, order: { pickup: task, dropoff: task, weight: { value: 1, unit: 'kg' }, pieces: 1 } };

  beforeAll(async () => {
    database = await startTcpProxy({ host: '127.0.0.1', port: 5432 });
    redis = await startTcpProxy({ host: '127.0.0.1', port: 6379 });
    service = await startServiceForTest(orderManagementService, {
      label: 'omout',
      http: true,
      databaseVia: database,
      env: { REDIS_URL: redis.via('redis://127.0.0.1:6379') },
    });
    const orm = service.app.get(MikroORM);
    const courierId = uuidv7();
    await orm.em.fork().insert(ClientView, { id: clientId, courierId, timezone: 'UTC', defaultPickup: null, serviceSelectionRule: 'FASTEST', usesRatesAndServices: true, version: '1' });
    await orm.em.fork().insert(ApiKeyView, { id: uuidv7(), keyHash: hashApiKey(key), courierId, clientId: null, revoked: false, version: '1' });
  });

  afterAll(async () => {
    await service?.stop();
    await Promise.all([database?.close(), redis?.close()]);
  });

  it('answers 503 to reads while the database is down, and serves them again after', async () => {
    expect((await call('GET', '/v1/orders')).status).toBe(200);
    await database.cut();
    try {
      expectUnavailable(await call('GET', '/v1/orders'));
      expectUnavailable(await call('GET', '/v1/integration-events'));
      expectUnavailable(await call('GET', `/v1/orders/${uuidv7()}`));
      expectUnavailable(await call('GET', '/ready'));
    } finally {
      await database.restore();
    }
    expect((await call('GET', '/v1/orders')).status).toBe(200);
    expect((await call('GET', '/v1/integration-events')).status).toBe(200);
  });

  it('answers 503 to a quote while Redis is down (it needs the queue), while reads that do not need Redis still work', async () => {
    const connected = redis.connections;
    await redis.cut();
    try {
      expectUnavailable(await call('POST', '/v1/quotes', quote));
      expectUnavailable(await call('GET', '/ready'));
      expect((await call('GET', '/v1/orders')).status).toBe(200);
    } finally {
      await redis.restore();
    }
    await eventually(async () => expect((await call('GET', '/ready')).status).toBe(200), 15_000);
    await eventually(() => expect(redis.connections).toBeGreaterThanOrEqual(connected), 15_000);
  });
});

describe('order management stopping while Redis is unreachable', () => {
  it('stops without waiting for Redis, and leaves no client retrying', async () => {
    const redis = await startTcpProxy({ host: '127.0.0.1', port: 6379 });
    const service = await startServiceForTest(orderManagementService, { label: 'omstop', http: true, env: { REDIS_URL: redis.via('redis://127.0.0.1:6379') } });
    try {
      await redis.cut();
      await eventually(async () => expect((await sendRaw(service.url ?? '', { method: 'GET', path: '/ready' })).status).toBe(503), 15_000);
      // bullmq 6.7's graceful closes (workers, QueueEvents) wait for an 'end' that an ioredis client
      // between reconnect attempts never emits: before, the stop lasted until Redis was back.
      const stopping = service.stop().then(() => 'stopped');
      expect(await Promise.race([stopping, sleep(20_000, 'still stopping with Redis down', { ref: false })])).toBe('stopped');
      await redis.restore();
      await sleep(3_000);
      expect(redis.connections).toBe(0);
    } finally {
      await redis.close();
    }
  });
});
