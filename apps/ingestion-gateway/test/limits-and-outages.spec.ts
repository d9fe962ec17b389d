import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { signGenericPayload } from '@portal/contracts';
import { AppError } from '@portal/service-kit';
import { ServiceUnderTest, startServiceForTest } from '@portal/service-kit/testing';
import { v7 as uuidv7 } from 'uuid';
import { ClientView } from '../src/entities/client-view.entity';
import { ConnectionView } from '../src/entities/connection-view.entity';
import { ReceiveDelivery } from '../src/hooks/receive-delivery.use-case';
import { SCHEMA } from '../src/schema';
import { gatewayService } from '../src/ingestion-gateway.service';

// The rate limit (429) and the answer when the event cannot be stored (503), against real services.
describe('rate limit and storage outage (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let orm: MikroORM;
  let receive: ReceiveDelivery;
  const secret = 'whsec_limits_secret_long_enough';
  const connectionId = uuidv7();

  beforeAll(async () => {
    service = await startServiceForTest(gatewayService, { label: 'gwlim', env: { GATEWAY_RATE_LIMIT_PER_SECOND: '3' } });
    orm = service.app.get(MikroORM);
    receive = service.app.get(ReceiveDelivery);
    const clientId = uuidv7();
    const courierId = uuidv7();
    await orm.em.fork().insert(ClientView, { id: clientId, courierId, timezone: 'UTC', orderCreationEnabled: true, version: '1' });
    await orm.em.fork().insert(ConnectionView, { id: connectionId, clientId, courierId, platform: 'generic', settings: {}, secrets: [{ secret, expiresAt: null }], deleted: false, version: '1' });
  });

  afterAll(async () => {
    await service?.stop();
  });

  const delivery = (n: string) => {
    const body = JSON.stringify({
      id: `evt-${n}`,
      type: 'order.created',
      occurredAt: '2026-11-24T15:00:00Z',
      order: { externalId: `A-${n}`, dropoff: { address: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' }, contact: { name: 'Homer' } } },
    });
    return { headers: { 'content-type': 'application/json', 'x-signature': signGenericPayload(secret, body) }, body: Buffer.from(body), receivedAt: new Date() };
  };
  const answer = (promise: Promise<{ status: number }>) => promise.then((a) => a.status, (e: AppError) => `${e.getStatus()} ${e.code}`);

  it('answers 429 once a connection exceeds its deliveries per second', async () => {
    // The window opens at the first delivery and lasts a second: five at once share it.
    const answers = await Promise.all(['r1', 'r2', 'r3', 'r4', 'r5'].map((n) => answer(receive.execute(connectionId, delivery(n)))));
    expect(answers.filter((a) => a === 202)).toHaveLength(3);
    expect(answers.filter((a) => a === '429 RATE_LIMITED')).toHaveLength(2);
  });

  it('answers 503, and keeps nothing, when the event cannot be stored', async () => {
    await new Promise((r) => setTimeout(r, 1100)); // past the previous test's rate-limit window
    const em = orm.em.fork() as EntityManager;
    await em.execute(`alter table "${SCHEMA}"."events" rename to "events_away"`);
    try {
      expect(await answer(receive.execute(connectionId, delivery('outage')))).toBe('503 UNAVAILABLE');
    } finally {
      await em.execute(`alter table "${SCHEMA}"."events_away" rename to "events"`);
    }
    const [{ count }] = await em.execute<{ count: string }[]>(`select count(*) from "${SCHEMA}"."outbox" where payload->'event'->>'id' = 'evt-outage'`);
    expect(Number(count)).toBe(0);
    // Once storage is back, the platform's retry is accepted.
    expect(await answer(receive.execute(connectionId, delivery('outage')))).toBe(202);
  });
});
