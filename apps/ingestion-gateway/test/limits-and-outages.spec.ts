import { MikroORM } from '@mikro-orm/core';
import { signGenericPayload } from '@portal/contracts';
import { errorShapeProblem, expectUnavailable, sendRaw, ServiceUnderTest, startServiceForTest, startTcpProxy, type TcpProxy } from '@portal/service-kit/testing';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { ClientView } from '../src/entities/client-view.entity';
import { ConnectionView } from '../src/entities/connection-view.entity';
import { SCHEMA } from '../src/schema';
import { gatewayService } from '../src/ingestion-gateway.service';

// The rate limit (429) and the answer when PostgreSQL cannot be reached (503), over HTTP against
// real services. The database is cut by a TCP relay between the gateway and PostgreSQL: the shared
// server keeps running for everyone else.
describe('rate limit and database outage (PostgreSQL + Redis)', () => {
  let proxy: TcpProxy;
  let service: ServiceUnderTest<unknown>;
  const secret = 'whsec_limits_secret_long_enough';
  const cached = uuidv7();
  const uncached = uuidv7();

  beforeAll(async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: 5432 });
    // A long cache TTL keeps a warmed connection in memory, so its deliveries reach the store itself.
    service = await startServiceForTest(gatewayService, {
      label: 'gwlim',
      http: true,
      databaseVia: proxy,
      env: { GATEWAY_RATE_LIMIT_PER_SECOND: '3', GATEWAY_CACHE_TTL_MS: '10000' },
    });
    const orm = service.app.get(MikroORM);
    const clientId = uuidv7();
    const courierId = uuidv7();
    await orm.em.fork().insert(ClientView, { id: clientId, courierId, timezone: 'UTC', orderCreationEnabled: true, version: '1' });
    const connection = { clientId, courierId, platform: 'generic' as const, settings: {}, secrets: [{ secret, expiresAt: null }], deleted: false, version: '1' };
    await orm.em.fork().insertMany(ConnectionView, [
      { ...connection, id: cached },
      { ...connection, id: uncached },
    ]);
  });

  afterAll(async () => {
    await service?.stop();
    await proxy?.close();
  });

  const deliver = (connectionId: string, n: string) => {
    const body = JSON.stringify({
      id: `evt-${n}`,
      type: 'order.created',
      occurredAt: '2026-11-24T15:00:00Z',
      order: { externalId: `A-${n}`, dropoff: { address: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' }, contact: { name: 'Homer' } } },
    });
    return sendRaw(service.url ?? '', {
      method: 'POST',
      path: `/v1/hooks/${connectionId}`,
      headers: { 'content-type': 'application/json', 'x-signature': signGenericPayload(secret, body) },
      body,
    });
  };

  /** Reads the gateway's tables directly, not through the relay the test cuts. */
  async function storedCopies(eventId: string): Promise<{ events: number; outbox: number }> {
    const db = new Client({ connectionString: service.db.url });
    await db.connect();
    try {
      const events = await db.query(`select count(*)::int as n from "${SCHEMA}"."events" where external_event_id = $1`, [eventId]);
      const outbox = await db.query(`select count(*)::int as n from "${SCHEMA}"."outbox" where payload->'event'->>'id' = $1`, [eventId]);
      return { events: events.rows[0].n, outbox: outbox.rows[0].n };
    } finally {
      await db.end();
    }
  }

  it('answers 429 with Retry-After once a connection exceeds its deliveries per second', async () => {
    // The window opens at the first delivery and lasts a second: five at once share it.
    const answers = await Promise.all(['r1', 'r2', 'r3', 'r4', 'r5'].map((n) => deliver(cached, n)));
    expect(answers.filter((a) => a.status === 202)).toHaveLength(3);
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(2);
    for (const answer of limited) {
      expect(errorShapeProblem(answer)).toBeNull();
      expect(JSON.parse(answer.text).error.code).toBe('RATE_LIMITED');
      expect(answer.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    }
  });

  it('answers 503 with Retry-After while PostgreSQL is unreachable, keeps nothing, and accepts the retry once it is back', async () => {
    await new Promise((r) => setTimeout(r, 1100)); // past the previous test's rate-limit window
    await proxy.cut();
    try {
      // The connection is in memory: storing the event is what fails.
      expectUnavailable(await deliver(cached, 'outage'));
      // The connection was never looked up: finding it is what fails.
      expectUnavailable(await deliver(uncached, 'outage-lookup'));
    } finally {
      await proxy.restore();
    }
    expect(await storedCopies('evt-outage')).toEqual({ events: 0, outbox: 0 });
    // The platform's retries are accepted, each once.
    expect((await deliver(cached, 'outage')).status).toBe(202);
    expect((await deliver(uncached, 'outage-lookup')).status).toBe(202);
    expect((await storedCopies('evt-outage')).events).toBe(1);
  });
});
