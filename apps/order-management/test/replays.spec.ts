import { MikroORM } from '@mikro-orm/core';
import { DeliveryReplayRequestedJobSchema, QueueNames, type CanonicalOrder } from '@portal/contracts';
import type { AppError, Principal } from '@portal/service-kit';
import { ServiceUnderTest, startServiceForTest, testQueuePrefix } from '@portal/service-kit/testing';
import { Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { ClientView } from '../src/entities/client-view.entity';
import { IntegrationEventRecord } from '../src/entities/integration-event.entity';
import { CreateOrderUseCase } from '../src/intake/create-order.use-case';
import type { StateJob } from '../src/intake/intake-state';
import { ReplayEventUseCase } from '../src/integration-events/replay-event.use-case';
import { ReplayMatchingEventsUseCase } from '../src/integration-events/replay-matching-events.use-case';
import { orderManagementService } from '../src/order-management.service';

// Real PostgreSQL and Redis: a courier asks to replay events; the gateway gets one job per replay.
describe('replaying integration events (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let orm: MikroORM;
  let create: CreateOrderUseCase;
  let replayOne: ReplayEventUseCase;
  let replayMatching: ReplayMatchingEventsUseCase;
  let replays: Queue;
  const prefix = testQueuePrefix();
  const courierId = uuidv7();
  const clientId = uuidv7();
  const otherClientId = uuidv7();
  const connectionId = uuidv7();
  const courier: Principal = { keyId: uuidv7(), courierId, clientId: null };

  beforeAll(async () => {
    service = await startServiceForTest(orderManagementService, { label: 'om_replays', queuePrefix: prefix });
    orm = service.app.get(MikroORM);
    create = service.app.get(CreateOrderUseCase);
    replayOne = service.app.get(ReplayEventUseCase);
    replayMatching = service.app.get(ReplayMatchingEventsUseCase);
    replays = new Queue(QueueNames.deliveryReplays, { connection: { host: '127.0.0.1', port: 6379 }, prefix });
    // Neither client has a default pickup: dropoff-only events are REJECTED (NO_PICKUP_ADDRESS).
    const client = { courierId, timezone: 'UTC', defaultPickup: null, serviceSelectionRule: null, usesRatesAndServices: false, version: '1' };
    await orm.em.fork().insertMany(ClientView, [{ ...client, id: clientId }, { ...client, id: otherClientId }]);
  });

  afterAll(async () => {
    await replays?.obliterate({ force: true });
    await replays?.close();
    await service?.stop();
  });

  const order = (externalId: string, withPickup = false): CanonicalOrder => {
    const task = { address: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' }, contact: { name: 'Homer' } };
    return { externalId, dropoff: task, ...(withPickup ? { pickup: task } : {}) };
  };
  const job = (o: CanonicalOrder, client = clientId, eventId = uuidv7()): StateJob => ({
    v: 1,
    name: 'integration-event.accepted',
    eventId,
    connectionId,
    clientId: client,
    courierId,
    platform: 'generic',
    receivedAt: new Date().toISOString(),
    deliveryId: eventId,
    replayOf: null,
    mayCreate: true,
    event: { id: `e-${eventId}`, type: 'order.created', occurredAt: new Date().toISOString(), order: o },
  });
  const refusal = (p: Promise<unknown>) => p.then(() => null, (e: AppError) => ({ status: e.getStatus(), message: e.message }));
  /** The replay jobs relayed so far, once at least `count` have arrived. */
  const replayJobs = async (count: number) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const jobs = (await replays.getJobs(['waiting'])).map((j) => DeliveryReplayRequestedJobSchema.parse(j.data));
      if (jobs.length >= count || Date.now() > deadline) return jobs;
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('replays a rejected event once asked: one job naming the delivery to read again and the new entry', async () => {
    const rejected = job(order('R-1'));
    expect((await create.execute(rejected))?.outcome).toBe('REJECTED');
    expect(await orm.em.fork().findOneOrFail(IntegrationEventRecord, { id: rejected.eventId })).toMatchObject({ reasonCode: 'NO_PICKUP_ADDRESS' });
    const { id } = await replayOne.execute({ principal: courier, eventId: rejected.eventId });
    const [request] = (await replayJobs(1)).filter((j) => j.replayOf === rejected.eventId);
    expect(request).toMatchObject({ replayId: id, deliveryId: rejected.eventId, connectionId, clientId, courierId });
    expect((await orm.em.fork().findOneOrFail(IntegrationEventRecord, { id: rejected.eventId })).replayedAt).not.toBeNull();
  });

  it('refuses to replay an event that had its effect (409), one still PENDING (409), and another tenant\'s (404)', async () => {
    const placed = job(order('R-2', true));
    expect((await create.execute(placed))?.outcome).toBe('PLACED');
    expect(await refusal(replayOne.execute({ principal: courier, eventId: placed.eventId }))).toMatchObject({ status: 409 });
    const pending = uuidv7();
    await orm.em.fork().insert(IntegrationEventRecord, { ...(await orm.em.fork().findOneOrFail(IntegrationEventRecord, { id: placed.eventId })), id: pending, outcome: 'PENDING' });
    expect(await refusal(replayOne.execute({ principal: courier, eventId: pending }))).toMatchObject({ status: 409 });
    const stranger: Principal = { keyId: uuidv7(), courierId: uuidv7(), clientId: null };
    const rejected = job(order('R-3'));
    await create.execute(rejected);
    expect(await refusal(replayOne.execute({ principal: stranger, eventId: rejected.eventId }))).toMatchObject({ status: 404 });
  });

  it('replays every event matching a filter, each once, within the courier\'s tenant and the chosen client', async () => {
    const mine = [job(order('M-1')), job(order('M-2')), job(order('M-3'))];
    const theirs = job(order('M-4'), otherClientId);
    for (const j of [...mine, theirs]) expect((await create.execute(j))?.outcome).toBe('REJECTED');
    const filter = { clientId, outcome: 'REJECTED' as const, reasonCode: 'NO_PICKUP_ADDRESS' };
    const first = await replayMatching.execute({ principal: courier, filter });
    // M-1..3 and R-3 (from the test above) are this client's rejected events not replayed yet.
    expect(first.replayed).toBe(4);
    expect(await replayMatching.execute({ principal: courier, filter })).toEqual({ replayed: 0 });
    const requested = (await replayJobs(5)).map((j) => j.replayOf);
    for (const j of mine) expect(requested.filter((id) => id === j.eventId)).toHaveLength(1);
    expect(requested).not.toContain(theirs.eventId);
  });
});
