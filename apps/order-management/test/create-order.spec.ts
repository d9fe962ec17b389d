import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OrderCreatedEventSchema, orderEventsQueueName } from '@portal/contracts';
import { ServiceUnderTest, startServiceForTest, testQueuePrefix } from '@portal/service-kit/testing';
import { Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { ClientView } from '../src/entities/client-view.entity';
import { IntegrationEventRecord } from '../src/entities/integration-event.entity';
import { Order } from '../src/entities/order.entity';
import { CreateOrderUseCase, ClientNotProjectedYet } from '../src/intake/create-order.use-case';
import type { StateJob } from '../src/intake/intake-state';
import { orderManagementService } from '../src/order-management.service';

// Real PostgreSQL and Redis: a database and a queue prefix of this run's own.
describe('CreateOrderUseCase (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let orm: MikroORM;
  let accept: CreateOrderUseCase;
  let events: Queue;
  const prefix = testQueuePrefix();
  const clientId = uuidv7();
  const courierId = uuidv7();
  const connectionId = uuidv7();

  beforeAll(async () => {
    service = await startServiceForTest(orderManagementService, { label: 'om', queuePrefix: prefix, env: { ORDER_EVENT_SUBSCRIBERS: 'spec' } });
    orm = service.app.get(MikroORM);
    accept = service.app.get(CreateOrderUseCase);
    events = new Queue(orderEventsQueueName('spec'), { connection: { host: '127.0.0.1', port: 6379 }, prefix });
    await orm.em.fork().insert(ClientView, {
      id: clientId,
      courierId,
      timezone: 'America/New_York',
      defaultPickup: { address: { line1: '1 Dock', city: 'Newark', postalCode: '07102', country: 'US' }, contact: { name: 'Dock' } },
      serviceSelectionRule: null,
      usesRatesAndServices: false,
      version: '1',
    });
  });

  afterAll(async () => {
    await events?.obliterate({ force: true });
    await events?.close();
    await service?.stop();
  });

  const job = (externalId: string, eventId = uuidv7(), clientOverride = clientId): StateJob => ({
    v: 1,
    name: 'integration-event.accepted',
    eventId,
    connectionId,
    clientId: clientOverride,
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
      order: {
        externalId,
        dropoff: {
          address: { line1: '350 5th Ave', city: 'New York', postalCode: '10118', country: 'US' },
          contact: { name: 'Ada' },
          completeAfter: '2026-11-25T10:00:00',
        },
      },
    },
  });

  const waitForEvents = async (count: number): Promise<void> => {
    const deadline = Date.now() + 10_000;
    while ((await events.getJobCountByTypes('waiting', 'active', 'completed', 'failed')) < count && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('places one order and relays one order.created, however often the same job runs at once', async () => {
    const same = job('A-1');
    const results = await Promise.all([accept.execute(same), accept.execute(same), accept.execute(same)]);
    expect(results.filter((r) => r !== null)).toEqual([{ outcome: 'PLACED', orderId: expect.any(String) }]);

    const em = orm.em.fork() as EntityManager;
    const orders = await em.find(Order, { connectionId, externalOrderId: 'A-1' });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ status: 'PLACED', readyBy: new Date('2026-11-25T15:00:00.000Z'), service: null, draftReasons: [] });
    expect(orders[0].pickup?.address.city).toBe('Newark');

    await waitForEvents(1);
    const [relayed] = await events.getJobs(['waiting', 'active', 'completed', 'failed']);
    const event = OrderCreatedEventSchema.parse(relayed.data);
    expect(relayed.name).toBe('order.created');
    expect(event.order.id).toBe(orders[0].id);
  });

  it('records a second event for the same external order as a duplicate of the first order', async () => {
    const first = await accept.execute(job('A-2'));
    const second = await accept.execute(job('A-2'));
    expect(second).toEqual({ outcome: 'DUPLICATE', orderId: first?.orderId });
    const log = await orm.em.fork().find(IntegrationEventRecord, { externalOrderId: 'A-2' }, { orderBy: { id: 'asc' } });
    expect(log.map((e) => e.outcome)).toEqual(['PLACED', 'DUPLICATE']);
  });

  it('retries, writing nothing, while the client has not reached this app yet', async () => {
    const eventId = uuidv7();
    await expect(accept.execute(job('A-3', eventId, uuidv7()))).rejects.toBeInstanceOf(ClientNotProjectedYet);
    expect(await orm.em.fork().count(IntegrationEventRecord, { id: eventId })).toBe(0);
  });
});
