import { MikroORM } from '@mikro-orm/core';
import { OrderEventSchema, orderEventsQueueName, QueueNames, QuoteRequestedJobSchema, QuoteResult } from '@portal/contracts';
import { ServiceUnderTest, startServiceForTest, testQueuePrefix } from '@portal/service-kit/testing';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { register } from 'prom-client';
import { v7 as uuidv7 } from 'uuid';
import { ClientView } from '../src/entities/client-view.entity';
import { IntegrationEventRecord } from '../src/entities/integration-event.entity';
import { Order } from '../src/entities/order.entity';
import { CreateOrderUseCase } from '../src/intake/create-order.use-case';
import type { StateJob } from '../src/intake/intake-state';
import { orderManagementService } from '../src/order-management.service';

// Quoting's side of the flow is played by a real BullMQ worker on the real queue, answering what
// each test needs; the quoting app's own rules are tested in libs/order-domain and the system tests.
describe('quoted intake through a BullMQ flow (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let orm: MikroORM;
  let accept: CreateOrderUseCase;
  let quoting: Worker;
  let events: Queue;
  const answers = new Map<string, QuoteResult | 'fail'>();
  const prefix = testQueuePrefix();
  const connection = { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null };
  const clientId = uuidv7();
  const courierId = uuidv7();
  const connectionId = uuidv7();
  // Service ids are uuids wherever they travel: the quote's contract says so.
  const serviceId = uuidv7();

  const placedAnswer: QuoteResult = {
    quotes: [{ serviceId, code: 'RUSH_2H', eligible: true, reasons: [], price: { amount: 1250, currency: 'USD' }, completionWindow: { start: '2026-11-25T15:00:00.000Z', end: '2026-11-25T17:00:00.000Z' } }],
    pick: { serviceId, code: 'RUSH_2H' },
    draftReasons: [],
  };
  const draftAnswer: QuoteResult = { quotes: [], pick: null, draftReasons: [{ code: 'MISSING_WEIGHT', message: 'Add the weight.' }] };

  beforeAll(async () => {
    service = await startServiceForTest(orderManagementService, { label: 'omq', queuePrefix: prefix, env: { ORDER_EVENT_SUBSCRIBERS: 'spec' } });
    orm = service.app.get(MikroORM);
    accept = service.app.get(CreateOrderUseCase);
    events = new Queue(orderEventsQueueName('spec'), { connection, prefix });
    quoting = new Worker(
      QueueNames.quoteRequests,
      async (job) => {
        const request = QuoteRequestedJobSchema.parse(job.data);
        const answer = answers.get(request.correlationId);
        // Unrecoverable: the child fails for good at once, as after its last retry.
        if (answer === 'fail' || !answer) throw new UnrecoverableError('quoting cannot quote this');
        return answer;
      },
      { connection, prefix },
    );
    await orm.em.fork().insert(ClientView, {
      id: clientId,
      courierId,
      timezone: 'America/New_York',
      defaultPickup: { address: { line1: '1 Dock', city: 'Newark', postalCode: '07102', country: 'US' }, contact: { name: 'Dock' } },
      serviceSelectionRule: 'CHEAPEST',
      usesRatesAndServices: true,
      version: '1',
    });
  });

  afterAll(async () => {
    await quoting?.close();
    await events?.obliterate({ force: true });
    await events?.close();
    await service?.stop();
  });

  const job = (externalId: string, eventId = uuidv7()): StateJob => ({
    v: 1,
    name: 'integration-event.accepted',
    eventId,
    connectionId,
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
      order: { externalId, dropoff: { address: { line1: '350 5th Ave', city: 'New York', postalCode: '10118', country: 'US' }, contact: { name: 'Ada' } }, weight: { value: 2, unit: 'kg' }, pieces: 1 },
    },
  });

  const settledOrder = async (externalOrderId: string): Promise<Order> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const order = await orm.em.fork().findOne(Order, { connectionId, externalOrderId });
      if (order || Date.now() > deadline) return order ?? Promise.reject(new Error(`no order ${externalOrderId}`));
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const announced = async (orderId: string) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = (await events.getJobs(['waiting'])).map((j) => OrderEventSchema.parse(j.data)).filter((e) => e.order.id === orderId);
      if (found.length > 0 || Date.now() > deadline) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('places a quotable order with the picked service, once, however often intake runs', async () => {
    const intake = job('Q-1');
    answers.set(intake.eventId, placedAnswer);
    const first = await Promise.all([accept.execute(intake), accept.execute(intake)]);
    expect(first).toContainEqual({ outcome: 'PENDING', orderId: null });

    const order = await settledOrder('Q-1');
    expect(order).toMatchObject({ status: 'PLACED', service: { serviceId, code: 'RUSH_2H', price: { amount: 1250, currency: 'USD' } }, draftReasons: [] });
    const log = await orm.em.fork().findOneOrFail(IntegrationEventRecord, { id: intake.eventId });
    expect(log).toMatchObject({ outcome: 'PLACED', orderId: order.id });
    expect((await announced(order.id)).map((e) => e.type)).toEqual(['order.created']);
    expect(await accept.execute(intake)).toBeNull();
  });

  it('makes a Draft with the reasons quoting gave, announced as order.drafted', async () => {
    const intake = job('Q-2');
    answers.set(intake.eventId, draftAnswer);
    await accept.execute(intake);
    const order = await settledOrder('Q-2');
    expect(order).toMatchObject({ status: 'DRAFT', service: null, draftReasons: draftAnswer.draftReasons });
    expect((await orm.em.fork().findOneOrFail(IntegrationEventRecord, { id: intake.eventId })).outcome).toBe('DRAFT');
    expect((await announced(order.id)).map((e) => e.type)).toEqual(['order.drafted']);
  });

  it('still settles the event, as a Draft saying so, when quoting keeps failing', async () => {
    const intake = job('Q-3');
    answers.set(intake.eventId, 'fail');
    await accept.execute(intake);
    const order = await settledOrder('Q-3');
    expect(order).toMatchObject({ status: 'DRAFT', draftReasons: [expect.objectContaining({ code: 'QUOTE_FAILED' })] });
  });

  it('exposes queue depths and job latencies on /metrics', async () => {
    const metrics = await register.metrics();
    expect(metrics).toMatch(/queue_jobs\{queue="quoted-orders",state="failed"\} \d+/);
    expect(metrics).toMatch(/queue_job_latency_seconds_count\{queue="quoted-orders"\} [1-9]/);
  });
});
