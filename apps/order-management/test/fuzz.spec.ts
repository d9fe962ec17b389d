import { MikroORM } from '@mikro-orm/core';
import { QueueNames, type IntakeAcceptedJob } from '@portal/contracts';
import { hashApiKey } from '@portal/service-kit';
import { changedState, FUZZ_SEED, fuzzEndpoints, sendRaw, settledState, startServiceForTest, type ServiceUnderTest, type StateSource } from '@portal/service-kit/testing';
import { Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { ApiKeyView } from '../src/entities/api-key-view.entity';
import { ClientView } from '../src/entities/client-view.entity';
import { orderManagementService } from '../src/order-management.service';
import { SCHEMA } from '../src/schema';

jest.setTimeout(300_000);

// Every endpoint order management documents, sent seeded bad input with a courier key, at an order
// that exists and at ids that do not. Never a 5xx; every 4xx is the contract's JSON error; and
// nothing changes: every table of the schema (outbox included) and every queue key of the run are
// as they were. Replay a failure with FUZZ_SEED=<seed>.
describe(`order management fuzz (seed ${FUZZ_SEED})`, () => {
  let service: ServiceUnderTest<unknown>;
  let state: StateSource;
  let intake: Queue;
  const key = 'cpk_fuzz_courier_key_of_enough_length';
  const courierId = uuidv7();
  const clientId = uuidv7();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    service = await startServiceForTest(orderManagementService, { label: 'omfuzz', http: true });
    // A key's last use is recorded for every authenticated request, refused or not (PRODUCT 2.1).
    state = { databaseUrl: service.db.url, schema: SCHEMA, redisUrl: 'redis://127.0.0.1:6379', queuePrefix: service.queuePrefix, ignoreKeys: /:settings-activity:/ };
    const orm = service.app.get(MikroORM);
    const pickup = { address: { line1: '1 Dock', city: 'Newark', postalCode: '07102', country: 'US' }, contact: { name: 'Dock' } };
    await orm.em.fork().insert(ClientView, { id: clientId, courierId, timezone: 'America/New_York', defaultPickup: pickup, serviceSelectionRule: null, usesRatesAndServices: false, version: '1' });
    await orm.em.fork().insert(ApiKeyView, { id: uuidv7(), keyHash: hashApiKey(key), courierId, clientId: null, revoked: false, version: '1' });
    // One placed order, made the way the gateway hands events over, so the fuzz reaches an order that exists.
    intake = new Queue(QueueNames.orderIntake, { connection: { host: '127.0.0.1', port: 6379 }, prefix: service.queuePrefix });
    const eventId = uuidv7();
    const job: IntakeAcceptedJob = {
      v: 1,
      name: 'integration-event.accepted',
      eventId,
      connectionId: uuidv7(),
      clientId,
      courierId,
      platform: 'generic',
      receivedAt: '2026-11-24T16:00:00.000Z',
      deliveryId: eventId,
      replayOf: null,
      mayCreate: true,
      event: {
        id: `evt-${eventId}`,
        type: 'order.created',
        occurredAt: '2026-11-24T16:00:00Z',
        order: { externalId: 'FUZZ-1', dropoff: { address: { line1: '350 5th Ave', city: 'New York', postalCode: '10118', country: 'US' }, contact: { name: 'Ada' } }, weight: { value: 2, unit: 'kg' }, pieces: 1 },
      },
    };
    await intake.add(job.name, job, { jobId: eventId });
    const deadline = Date.now() + 15_000;
    while (!ids.orderId && Date.now() < deadline) {
      const res = await sendRaw(service.url ?? '', { method: 'GET', path: '/v1/orders', headers: { authorization: `Bearer ${key}` } });
      ids.orderId = JSON.parse(res.text).items?.[0]?.id;
      if (!ids.orderId) await new Promise((r) => setTimeout(r, 100));
    }
    if (!ids.orderId) throw new Error('the seeded order never appeared');
    ids.clientId = clientId;
  });

  afterAll(async () => {
    await intake?.close();
    await service?.stop();
  });

  it('answers every bad request with a 4xx error body (never a 5xx) and changes nothing', async () => {
    const before = await settledState(state);
    const report = await fuzzEndpoints(service.url ?? '', {
      seed: FUZZ_SEED,
      target: () => ({ pathValues: ids, headers: () => ({ authorization: `Bearer ${key}` }) }),
    });
    console.log(`order management fuzz, seed ${FUZZ_SEED}: ${report.sent} requests over ${report.operations.length} operations, answers ${JSON.stringify(report.statuses)}`);
    expect(report.operations).toEqual(expect.arrayContaining(['PATCH /v1/orders/{orderId}', 'POST /v1/quotes', 'GET /v1/integration-events']));
    expect(report.failures).toEqual([]);
    // Authenticated requests note the key's last use, sent to client settings in batches every
    // ACTIVITY_FLUSH_MS (settings-activity jobs, through the outbox): a record of the key, not of the bad input.
    expect(changedState(before, await settledState(state), { keys: /:settings-activity:/ })).toEqual([]);
  });
});
