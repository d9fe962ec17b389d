import { MikroORM } from '@mikro-orm/core';
import { IntakeJobSchema, QueueNames, signGenericPayload } from '@portal/contracts';
import type { DeliveryReplayRequestedJob, IntakeJob, Platform } from '@portal/contracts';
import { ServiceUnderTest, startServiceForTest, testQueuePrefix } from '@portal/service-kit/testing';
import { Queue, type JobsOptions } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { ClientView } from '../src/entities/client-view.entity';
import { ConnectionView } from '../src/entities/connection-view.entity';
import { ReceiveDelivery } from '../src/hooks/receive-delivery.use-case';
import { gatewayService } from '../src/ingestion-gateway.service';
import { StoredDeliveries } from '../src/replays/stored-deliveries';
import { fixture, wooDelivery } from './platform-support';

// Real PostgreSQL and Redis: order management asks for replays on `delivery-replays`; the gateway's
// worker reads the stored delivery again and hands an intake job on, once (PRODUCT 2.3).
describe('replaying stored deliveries (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let orm: MikroORM;
  let receive: ReceiveDelivery;
  let replays: Queue;
  let intake: Queue;
  const prefix = testQueuePrefix();
  const secret = 'whsec_replay_tests_0123456789abcdef';
  const courierId = uuidv7();

  beforeAll(async () => {
    service = await startServiceForTest(gatewayService, { label: 'gwreplay', queuePrefix: prefix, env: { GATEWAY_CACHE_TTL_MS: '0' } });
    orm = service.app.get(MikroORM);
    receive = service.app.get(ReceiveDelivery);
    const connection = { host: '127.0.0.1', port: 6379 };
    replays = new Queue(QueueNames.deliveryReplays, { connection, prefix });
    intake = new Queue(QueueNames.orderIntake, { connection, prefix });
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    for (const queue of [replays, intake]) {
      await queue?.obliterate({ force: true });
      await queue?.close();
    }
    await service?.stop();
  });

  /** A client and a connection of its own, as the projection holds them. */
  async function tenant(platform: Platform, enabled = true, settings = {}) {
    const clientId = uuidv7();
    const connectionId = uuidv7();
    const em = orm.em.fork();
    await em.insert(ClientView, { id: clientId, courierId, timezone: 'America/New_York', orderCreationEnabled: enabled, version: '1' });
    await em.insert(ConnectionView, { id: connectionId, clientId, courierId, platform, settings, secrets: [{ secret, expiresAt: null }], deleted: false, version: '1' });
    return { clientId, connectionId };
  }
  const update = async (entity: typeof ClientView | typeof ConnectionView, id: string, changes: object) => orm.em.fork().nativeUpdate(entity, { id }, changes);

  const genericDelivery = (externalId: string, receivedAt = new Date()) => {
    const body = JSON.stringify({
      id: `evt-${externalId}`,
      type: 'order.created',
      occurredAt: '2026-11-24T15:00:00Z',
      order: { externalId, dropoff: { address: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' }, contact: { name: 'Homer' } } },
    });
    return { headers: { 'content-type': 'application/json', 'x-signature': signGenericPayload(secret, body, Math.floor(receivedAt.getTime() / 1000)) }, body: Buffer.from(body), receivedAt };
  };
  /** The id an accepted or ignored delivery was answered with. */
  const answered = async (p: Promise<{ body: { eventId: string } }>): Promise<string> => (await p).body.eventId;

  /** The id the event log shows a delivery under: from the answer, or from its refusal record. */
  async function refusedId(connectionId: string): Promise<string> {
    const [job] = await intakeJobs((j) => j.connectionId === connectionId, 1);
    return job.eventId;
  }

  const request = (t: { clientId: string; connectionId: string }, deliveryId: string, platform: Platform, replayId = uuidv7()): DeliveryReplayRequestedJob => ({
    v: 1,
    name: 'delivery.replay-requested',
    replayId,
    replayOf: deliveryId,
    deliveryId,
    connectionId: t.connectionId,
    clientId: t.clientId,
    courierId,
    platform,
    requestedAt: new Date().toISOString(),
  });
  const ask = (job: DeliveryReplayRequestedJob, opts: JobsOptions = {}) => replays.add(job.name, job, { attempts: 3, backoff: { type: 'fixed', delay: 50 }, ...opts });

  async function intakeJobs(match: (job: IntakeJob) => boolean, count: number, timeoutMs = 10_000): Promise<IntakeJob[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const jobs = (await intake.getJobs(['waiting', 'prioritized', 'delayed'])).map((j) => IntakeJobSchema.parse(j.data)).filter(match);
      if (jobs.length >= count || Date.now() > deadline) return jobs;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const replayed = (replayId: string, count = 1) => intakeJobs((j) => j.eventId === replayId, count);

  it('reads a delivery refused while integrations were off again once they are on: accepted under the replay id, original receivedAt, no signature check', async () => {
    const t = await tenant('generic', false);
    // Received (and signed) an hour ago while integrations were off.
    const receivedAt = new Date(Date.now() - 3_600_000);
    await expect(receive.execute(t.connectionId, genericDelivery('RP-1', receivedAt))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const deliveryId = await refusedId(t.connectionId);
    await update(ClientView, t.clientId, { orderCreationEnabled: true });
    // The secret was rotated since, and the signature's timestamp is long past the tolerance: neither matters.
    await update(ConnectionView, t.connectionId, { secrets: [{ secret: 'rotated-secret-rotated-secret', expiresAt: null }] });
    const job = request(t, deliveryId, 'generic');
    await ask(job);
    const [handed] = await replayed(job.replayId);
    expect(handed).toMatchObject({
      name: 'integration-event.accepted',
      eventId: job.replayId,
      replayOf: deliveryId,
      deliveryId,
      connectionId: t.connectionId,
      platform: 'generic',
      receivedAt: receivedAt.toISOString(),
      mayCreate: true,
      event: { id: 'evt-RP-1', type: 'order.created', order: { externalId: 'RP-1' } },
    });
  });

  it('reads an accepted delivery again, and a replay job delivered twice hands on one intake job', async () => {
    const t = await tenant('generic');
    const eventId = await answered(receive.execute(t.connectionId, genericDelivery('RP-2')));
    const job = request(t, eventId, 'generic');
    await ask(job);
    await ask(job);
    await replayed(job.replayId);
    // Both jobs have run once none is left waiting or running.
    const unfinished = async () => Object.values(await replays.getJobCounts('waiting', 'active', 'delayed')).reduce((a, b) => a + b, 0);
    while ((await unfinished()) > 0) await new Promise((r) => setTimeout(r, 50));
    const handed = await intakeJobs((j) => j.eventId === job.replayId, 2, 500);
    expect(handed).toHaveLength(1);
    expect(handed[0]).toMatchObject({ name: 'integration-event.accepted', replayOf: eventId, event: { order: { externalId: 'RP-2' } } });
  });

  it("reads with today's settings: a WooCommerce status that created nothing then creates now", async () => {
    const t = await tenant('woocommerce');
    const pending = await answered(receive.execute(t.connectionId, wooDelivery(fixture('woocommerce', 'order-created-pending.json'), secret)));
    const [ignored] = await intakeJobs((j) => j.eventId === pending, 1);
    expect(ignored).toMatchObject({ outcome: 'IGNORED', reasonCode: 'STATUS_NOT_CREATING' });
    await update(ConnectionView, t.connectionId, { settings: { createOnStatuses: ['pending', 'processing'] } });
    const job = request(t, pending, 'woocommerce');
    await ask(job);
    expect((await replayed(job.replayId))[0]).toMatchObject({ name: 'integration-event.accepted', event: { type: 'order.created', order: { externalId: '728' } } });
  });

  it('records REJECTED when the connection was deleted (CONNECTION_DELETED), integrations are now off (INTEGRATIONS_OFF), or nothing was kept (DELIVERY_NOT_KEPT)', async () => {
    const gone = await tenant('generic');
    const goneId = await answered(receive.execute(gone.connectionId, genericDelivery('RP-3')));
    await update(ConnectionView, gone.connectionId, { deleted: true });
    const off = await tenant('generic');
    const offId = await answered(receive.execute(off.connectionId, genericDelivery('RP-4')));
    await update(ClientView, off.clientId, { orderCreationEnabled: false });
    const jobs = [request(gone, goneId, 'generic'), request(off, offId, 'generic'), request(off, uuidv7(), 'generic')];
    for (const job of jobs) await ask(job);
    const recorded = await Promise.all(jobs.map(async (job) => (await replayed(job.replayId))[0]));
    expect(recorded.map((r) => r.name === 'integration-event.recorded' && [r.outcome, r.reasonCode, r.replayOf])).toEqual([
      ['REJECTED', 'CONNECTION_DELETED', goneId],
      ['REJECTED', 'INTEGRATIONS_OFF', offId],
      ['REJECTED', 'DELIVERY_NOT_KEPT', jobs[2].deliveryId],
    ]);
    expect(recorded[0]).toMatchObject({ externalEventId: 'evt-RP-3', externalOrderId: 'RP-3' });
  });

  it('records FAILED with the error once a replay fails for good, after its retries', async () => {
    const t = await tenant('generic');
    const eventId = await answered(receive.execute(t.connectionId, genericDelivery('RP-5')));
    const deliveries = service.app.get(StoredDeliveries);
    const find = deliveries.find.bind(deliveries);
    let attempts = 0;
    // The one failure injected: reading this delivery keeps failing, as a lost table would.
    jest.spyOn(deliveries, 'find').mockImplementation(async (deliveryId, connectionId) => {
      if (deliveryId !== eventId) return find(deliveryId, connectionId);
      attempts++;
      throw new Error('the stored delivery could not be read');
    });
    const job = request(t, eventId, 'generic');
    await ask(job, { attempts: 2 });
    const [failed] = await replayed(job.replayId);
    expect(failed).toMatchObject({ name: 'integration-event.recorded', outcome: 'FAILED', reasonCode: 'PROCESSING_FAILED', replayOf: eventId, platform: 'generic', reason: expect.stringContaining('the stored delivery could not be read') });
    // Two attempts, and a third read while recording the failure.
    expect(attempts).toBe(3);
  });
});
