import { HookAnswerSchema, QueueNames, QuoteResultSchema, type IntegrationEvent, type Order } from '@portal/contracts';
import { Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { eventually, sleep } from './support/eventually';
import { createCourier, enabledClientWithConnection, genericEvent, sendWhenConfigured, type Courier, type EnabledClient } from './support/fixtures';
import { sendSigned } from './support/hooks';
import { assignServices, createRateTable, createService, enableWithRule, postQuote } from './support/rates-and-services';
import { startE2eSystem, type E2eSystem } from './support/system';

jest.setTimeout(300_000);

const BURST = 80;
const ATTEMPTS = 3;
/**
 * How long after quoting is back every order may take. BullMQ's defaults (30 s lock, a stalled
 * check every 30 s) need at least 30 s after a restart to move a dead worker's jobs on, and up to a
 * minute; the queue's own settings (5 s lock, 2 s checks) need a few seconds.
 */
const PLACED_WITHIN_MS = 20_000;

describe('quoting under trouble: killed while orders are in flight, or held up behind intake (system)', () => {
  let sys: E2eSystem;
  let courier: Courier;
  let target: EnabledClient;
  let quoteRequests: Queue;
  let redis: Redis;

  beforeAll(async () => {
    sys = await startE2eSystem();
    redis = new Redis(sys.system.redisUrl, { maxRetriesPerRequest: null });
    quoteRequests = new Queue(QueueNames.quoteRequests, { connection: redis, prefix: sys.system.queuePrefix });
    courier = await createCourier(sys);
    target = await enabledClientWithConnection(courier, { name: 'Quoting crash client' });
    // One service, open around the clock and eligible for every order, so every order is placed.
    const service = await createService(courier, { code: 'RUSH_2H', name: '2-hour rush', sla: { type: 'WITHIN', minutes: 120 } });
    const table = await createRateTable(courier, { name: 'Flat', currency: 'USD', base: { method: 'FLAT', amount: 900 } });
    await enableWithRule(courier, target.client.id, 'FASTEST');
    await assignServices(courier, target.client.id, [{ serviceId: service.id, rateTableId: table.id }]);
    // Warm up until an order is placed with its service: every app holds the configuration.
    await eventually(async () => {
      const event = genericEvent({ externalId: `QCRASH-WARM-${randomUUID()}` });
      expect((await sendWhenConfigured(target.connection, event)).status).toBe(202);
      const placed = await eventually(async () => {
        const orders = await sys.orders(courier.apiKey).listAll<Order>('/v1/orders', { clientId: target.client.id });
        const order = orders.find((o) => o.source.externalOrderId === event.order.externalId);
        if (!order) throw new Error('not yet');
        return order;
      }, 15_000, 200);
      expect({ status: placed.status, code: placed.service?.code }).toEqual({ status: 'PLACED', code: 'RUSH_2H' });
    }, 60_000, 500);
  }, 240_000);

  afterAll(async () => {
    await quoteRequests?.close();
    redis?.disconnect();
    await sys?.stop();
  }, 60_000);

  /** Jobs quoting held when it died: active, and still locked by a worker that no longer exists. */
  async function stranded(): Promise<string[]> {
    const active = await quoteRequests.getActive();
    const locked = await Promise.all(active.map(async (job) => ((await redis.exists(`${sys.system.queuePrefix}:${QueueNames.quoteRequests}:${job.id}:lock`)) === 1 ? job.id : null)));
    return locked.filter((id): id is string => id !== null);
  }

  it('moves the jobs of a killed quoting on within seconds of its restart: every order placed once, none a draft', async () => {
    const accepted = new Map<string, string>(); // externalOrderId -> gateway event id
    let strandedIds: string[] = [];
    // Kill quoting the moment it holds jobs. Quotes take milliseconds, so a kill can miss them all;
    // then quoting comes back and the next burst tries again.
    for (let attempt = 1; attempt <= ATTEMPTS && strandedIds.length === 0; attempt++) {
      const events = Array.from({ length: BURST }, (_, i) => genericEvent({ externalId: `QCRASH-${attempt}-${i}-${randomUUID()}` }));
      const sending = Promise.all(
        events.map(async (event) => {
          const res = await sendSigned(target.connection.webhookUrl, target.connection.signingSecret, event);
          expect(res.status).toBe(202);
          accepted.set(event.order.externalId, HookAnswerSchema.parse(res.body).eventId);
        }),
      );
      const deadline = Date.now() + 30_000;
      while ((await quoteRequests.getActiveCount()) === 0 && Date.now() < deadline) await sleep(2);
      await sys.system.kill('quoting', 'SIGKILL');
      await sending;
      strandedIds = await stranded();
      if (strandedIds.length === 0) await sys.system.start('quoting');
    }
    expect(strandedIds.length).toBeGreaterThan(0);

    await sys.system.start('quoting');
    const api = sys.orders(courier.apiKey);
    const wanted = new Set(accepted.keys());
    const orders = await eventually(async () => {
      const all = (await api.listAll<Order>('/v1/orders', { clientId: target.client.id })).filter((o) => wanted.has(o.source.externalOrderId));
      expect(all.filter((o) => o.status === 'PLACED')).toHaveLength(wanted.size);
      return all;
    }, PLACED_WITHIN_MS, 250);

    // Exactly one order per accepted event, each quoted and placed with its service, none a Draft.
    expect(orders.map((o) => o.source.externalOrderId).sort()).toEqual([...wanted].sort());
    expect(new Set(orders.map((o) => o.id)).size).toBe(orders.length);
    expect(orders.every((o) => o.status === 'PLACED' && o.service?.code === 'RUSH_2H')).toBe(true);
    // The stranded jobs came back through BullMQ's stalled check, and none failed for it.
    for (const id of strandedIds) expect((await Job.fromId(quoteRequests, id))?.stalledCounter).toBeGreaterThanOrEqual(1);
    expect(await quoteRequests.getFailedCount()).toBe(0);
    // The event log shows each accepted event placed once.
    const log = await api.listAll<IntegrationEvent>('/v1/integration-events', { clientId: target.client.id });
    const rows = new Map(log.map((e) => [e.id, e]));
    for (const [externalId, eventId] of accepted) expect(rows.get(eventId)).toMatchObject({ outcome: 'PLACED', externalOrderId: externalId });
  });

  it("answers a person's quote while intake's quotes are held up: people's quotes have a queue of their own", async () => {
    const api = sys.orders(courier.apiKey);
    const event = genericEvent({ externalId: `QHELD-${randomUUID()}` });
    // Paused, intake's quote queue keeps its jobs, as behind a backlog of thousands of orders.
    await quoteRequests.pause();
    try {
      const res = await sendSigned(target.connection.webhookUrl, target.connection.signingSecret, event);
      expect(res.status).toBe(202);
      const eventId = HookAnswerSchema.parse(res.body).eventId;
      await eventually(async () => expect(await quoteRequests.getWaitingCount()).toBeGreaterThan(0), 15_000, 100);

      const quote = await postQuote(api, { clientId: target.client.id, order: event.order });
      expect(quote.status).toBe(200);
      expect(QuoteResultSchema.parse(quote.body).pick?.code).toBe('RUSH_2H');
      const log = await api.listAll<IntegrationEvent>('/v1/integration-events', { clientId: target.client.id });
      expect(log.find((e) => e.id === eventId)?.outcome).toBe('PENDING');
    } finally {
      await quoteRequests.resume();
    }
    // Intake quoting resumed: the held order is placed.
    await eventually(async () => {
      const orders = await api.listAll<Order>('/v1/orders', { clientId: target.client.id });
      expect(orders.find((o) => o.source.externalOrderId === event.order.externalId)).toMatchObject({ status: 'PLACED', service: { code: 'RUSH_2H' } });
    }, 15_000, 250);
  });
});
