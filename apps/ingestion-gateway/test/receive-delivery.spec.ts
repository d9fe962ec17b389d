import { MikroORM } from '@mikro-orm/core';
import { IntakeJobSchema, QueueNames, signGenericPayload } from '@portal/contracts';
import { AppError } from '@portal/service-kit';
import { ServiceUnderTest, startServiceForTest, testQueuePrefix } from '@portal/service-kit/testing';
import { Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { ClientView } from '../src/entities/client-view.entity';
import { ConnectionView } from '../src/entities/connection-view.entity';
import { StoredEvent } from '../src/entities/stored-event.entity';
import { ReceiveDelivery } from '../src/hooks/receive-delivery.use-case';
import { gatewayService } from '../src/ingestion-gateway.service';

describe('ReceiveDelivery (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let orm: MikroORM;
  let receive: ReceiveDelivery;
  let intake: Queue;
  const prefix = testQueuePrefix();
  const secret = 'whsec_test_secret_of_enough_length';
  const enabledConnection = uuidv7();
  const disabledConnection = uuidv7();

  beforeAll(async () => {
    service = await startServiceForTest(gatewayService, { label: 'gw', queuePrefix: prefix, env: { GATEWAY_CACHE_TTL_MS: '0' } });
    orm = service.app.get(MikroORM);
    receive = service.app.get(ReceiveDelivery);
    intake = new Queue(QueueNames.orderIntake, { connection: { host: '127.0.0.1', port: 6379 }, prefix });
    const em = orm.em.fork();
    const courierId = uuidv7();
    const on = uuidv7();
    const off = uuidv7();
    await em.insertMany(ClientView, [
      { id: on, courierId, timezone: 'UTC', orderCreationEnabled: true, version: '1' },
      { id: off, courierId, timezone: 'UTC', orderCreationEnabled: false, version: '1' },
    ]);
    const connection = { courierId, platform: 'generic' as const, settings: {}, secrets: [{ secret, expiresAt: null }], deleted: false, version: '1' };
    await em.insertMany(ConnectionView, [
      { ...connection, id: enabledConnection, clientId: on },
      { ...connection, id: disabledConnection, clientId: off },
    ]);
  });

  afterAll(async () => {
    await intake?.obliterate({ force: true });
    await intake?.close();
    await service?.stop();
  });

  const event = (id: string, externalId: string) =>
    JSON.stringify({
      id,
      type: 'order.created',
      occurredAt: '2026-11-24T15:00:00Z',
      order: { externalId, dropoff: { address: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' }, contact: { name: 'Homer' } } },
    });
  const delivery = (body: string, signature = signGenericPayload(secret, body)) => ({
    headers: { 'content-type': 'application/json', 'x-signature': signature },
    body: Buffer.from(body),
    receivedAt: new Date(),
  });
  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: AppError) => ({ status: e.getStatus(), code: e.code }));

  it('stores five simultaneous copies of one event once: one 202, four 200 naming the same event', async () => {
    const body = event('evt-1', 'A-1');
    const answers = await Promise.all(Array.from({ length: 5 }, () => receive.execute(enabledConnection, delivery(body))));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 202]);
    expect(new Set(answers.map((a) => a.body.eventId)).size).toBe(1);
    expect(await orm.em.fork().count(StoredEvent, { connectionId: enabledConnection })).toBe(1);
  });

  it('stores forty simultaneous deliveries in groups: each new event once with one intake job, repeats and second creates answered as duplicates', async () => {
    // Deliveries 0-29 are new; 30-34 repeat an event id of 0-4; 35-39 create orders of 5-9 again under new ids.
    const bodies = Array.from({ length: 40 }, (_, i) => (i < 30 ? event(`grp-${i}`, `G-${i}`) : i < 35 ? event(`grp-${i - 30}`, `G-${i - 30}`) : event(`grp-new-${i}`, `G-${i - 30}`)));
    const answers = await Promise.all(bodies.map((body) => receive.execute(enabledConnection, delivery(body))));
    const accepted = answers.filter((a) => a.status === 202);
    expect(accepted).toHaveLength(30);
    expect(answers.filter((a) => a.status === 200 && a.body.status === 'duplicate')).toHaveLength(10);
    const stored = await orm.em.fork().find(StoredEvent, { externalEventId: { $like: 'grp-%' } });
    expect(stored.map((e) => e.externalOrderId).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `G-${i}`).sort());
    const acceptedIds = new Set(accepted.map((a) => a.body.eventId));
    expect(new Set(stored.map((e) => e.id))).toEqual(acceptedIds);
    const deadline = Date.now() + 10_000;
    let jobs: string[] = [];
    while (Date.now() < deadline) {
      jobs = (await intake.getJobs(['waiting'])).map((j) => IntakeJobSchema.parse(j.data)).filter((j) => j.name === 'integration-event.accepted' && acceptedIds.has(j.eventId)).map((j) => j.eventId);
      if (jobs.length >= 30) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(jobs.sort()).toEqual([...acceptedIds].sort());
  });

  it('stores a delivery whose text carries a NUL character, without the character', async () => {
    const body = event('evt-nul', 'A-NUL').replace('"Homer"', '"Ho\\u0000mer"');
    expect(body).toContain('\\u0000');
    expect((await receive.execute(enabledConnection, delivery(body))).status).toBe(202);
  });

  it('treats a new event id for an order already received as a duplicate', async () => {
    const first = await receive.execute(enabledConnection, delivery(event('evt-2', 'A-2')));
    const again = await receive.execute(enabledConnection, delivery(event('evt-3', 'A-2')));
    expect(first.status).toBe(202);
    expect(again).toEqual({
      status: 200,
      body: { eventId: first.body.eventId, status: 'duplicate' },
      facts: { connectionId: enabledConnection, eventId: first.body.eventId, answer: 'duplicate', type: 'order.created', externalOrderId: 'A-2' },
    });
  });

  it('hands accepted events and recorded refusals to order management through the outbox', async () => {
    const accepted = await receive.execute(enabledConnection, delivery(event('evt-4', 'A-4')));
    await refusal(receive.execute(disabledConnection, delivery(event('evt-5', 'A-5'))));
    const find = async () => {
      const jobs = (await intake.getJobs(['waiting'])).map((j) => IntakeJobSchema.parse(j.data));
      return {
        acceptedJob: jobs.find((j) => j.eventId === accepted.body.eventId),
        refusedJob: jobs.find((j) => j.name === 'integration-event.recorded' && j.externalEventId === 'evt-5'),
      };
    };
    const deadline = Date.now() + 10_000;
    let found = await find();
    while ((!found.acceptedJob || !found.refusedJob) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      found = await find();
    }
    expect(found.acceptedJob).toMatchObject({ name: 'integration-event.accepted', event: { id: 'evt-4' } });
    expect(found.refusedJob).toMatchObject({ outcome: 'REJECTED', reasonCode: 'INTEGRATIONS_OFF', reason: expect.stringContaining('turned off') });
  });

  it.each([
    ['a wrong signature', () => delivery(event('e', 'x'), signGenericPayload('another-secret-entirely', event('e', 'x'))), 401, 'UNAUTHORIZED'],
    ['a stale timestamp', () => delivery(event('e', 'x'), signGenericPayload(secret, event('e', 'x'), Math.floor(Date.now() / 1000) - 301)), 401, 'SIGNATURE_EXPIRED'],
    ['no signature', () => ({ ...delivery(event('e', 'x')), headers: { 'content-type': 'application/json' } }), 401, 'UNAUTHORIZED'],
    ['a text body', () => ({ ...delivery(event('e', 'x')), headers: { 'content-type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['malformed JSON', () => delivery('{"id":'), 400, 'INVALID_JSON'],
    ['an invalid event', () => delivery('{"id":"e","type":"order.created"}'), 400, 'VALIDATION_FAILED'],
  ])('refuses %s', async (_name, make, status, code) => {
    expect(await refusal(receive.execute(enabledConnection, make()))).toEqual({ status, code });
  });

  it('refuses events for a client whose integrations are off (403) and unknown connections (404)', async () => {
    expect(await refusal(receive.execute(disabledConnection, delivery(event('e6', 'A-6'))))).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(await refusal(receive.execute(uuidv7(), delivery(event('e7', 'A-7'))))).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await refusal(receive.execute('not-an-id', delivery(event('e8', 'A-8'))))).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it('accepts a secret rotated out while its grace period lasts, and not after', async () => {
    const em = orm.em.fork();
    const rotated = uuidv7();
    const [client] = await em.find(ClientView, { orderCreationEnabled: true });
    await em.insert(ConnectionView, {
      id: rotated,
      clientId: client.id,
      courierId: client.courierId,
      platform: 'generic',
      settings: {},
      secrets: [
        { secret: 'new-secret-new-secret', expiresAt: null },
        { secret: 'old-secret-old-secret', expiresAt: new Date(Date.now() + 60_000).toISOString() },
        { secret: 'expired-secret-expired', expiresAt: new Date(Date.now() - 1).toISOString() },
      ],
      deleted: false,
      version: '1',
    });
    const body = event('evt-r1', 'R-1');
    expect((await receive.execute(rotated, delivery(body, signGenericPayload('old-secret-old-secret', body)))).status).toBe(202);
    const other = event('evt-r2', 'R-2');
    expect(await refusal(receive.execute(rotated, delivery(other, signGenericPayload('expired-secret-expired', other))))).toEqual({ status: 401, code: 'UNAUTHORIZED' });
  });
});
