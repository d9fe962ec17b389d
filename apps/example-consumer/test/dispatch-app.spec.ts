import type { INestMicroservice } from '@nestjs/common';
import { OrderDraftedEventSchema, orderEventsQueueName } from '@portal/contracts';
import { DEFAULT_JOB_OPTIONS } from '@portal/messaging';
import { createTestDatabase, orderCreatedEventForTest, testQueuePrefix, type TestDatabase } from '@portal/service-kit/testing';
import { Queue, type Job } from 'bullmq';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatchApp } from '../src/dispatch-app';
import { PickupRequests } from '../src/pickup-requests.repository';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

// The consumer service that docs/order-events.md shows, started as its main.ts starts it, against
// the real Redis and PostgreSQL, fed the way order management feeds a subscriber's queue.
describe('example consumer: a dispatch service on the BullMQ transport', () => {
  const prefix = testQueuePrefix();
  const queueName = orderEventsQueueName('dispatch');
  let db: TestDatabase;
  let app: INestMicroservice;
  let queue: Queue;
  let pickups: PickupRequests;

  beforeAll(async () => {
    db = await createTestDatabase('dispatch');
    app = await createDispatchApp({ REDIS_URL, QUEUE_PREFIX: prefix, ORDER_EVENTS_SUBSCRIBER: 'dispatch', DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
    await app.listen();
    pickups = app.get(PickupRequests);
    queue = new Queue(queueName, { connection: { host: '127.0.0.1', port: 6379 }, prefix });
  });

  afterAll(async () => {
    await app?.close();
    await queue?.obliterate({ force: true });
    await queue?.close();
    await db?.drop();
  });

  const settled = async (job: Job): Promise<string> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const state = await queue.getJobState(String(job.id));
      if (state === 'completed' || state === 'failed' || Date.now() > deadline) return state;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  it('records a pickup request for order.created, once per event id however often it arrives', async () => {
    const event = orderCreatedEventForTest();
    const first = await queue.add('order.created', event, DEFAULT_JOB_OPTIONS);
    expect(await settled(first)).toBe('completed');
    // A redelivery: the same event in another job (a relay re-send after a crash).
    const again = await queue.add('order.created', event, { ...DEFAULT_JOB_OPTIONS, jobId: `resent-${event.id}` });
    expect(await settled(again)).toBe('completed');

    expect(await pickups.forOrder(event.order.id)).toEqual([{ eventId: event.id, pickupCity: 'New York' }]);
  });

  it('acknowledges order.drafted without dispatching anything', async () => {
    const created = orderCreatedEventForTest();
    const drafted = OrderDraftedEventSchema.parse({ ...created, type: 'order.drafted', order: { ...created.order, status: 'DRAFT' } });
    const job = await queue.add('order.drafted', drafted, DEFAULT_JOB_OPTIONS);

    expect(await settled(job)).toBe('completed');
    expect(await pickups.forOrder(drafted.order.id)).toEqual([]);
  });

  it('is the code docs/order-events.md shows, file for file', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/order-events.md'), 'utf8');
    for (const file of ['main.ts', 'consumer-config.ts', 'dispatch-app.ts', 'dispatch.module.ts', 'order-events.controller.ts', 'pickup-requests.repository.ts']) {
      const source = readFileSync(join(__dirname, '../src', file), 'utf8').trimEnd();
      expect({ file, quoted: doc.includes(`// apps/example-consumer/src/${file}\n${source}\n\`\`\``) }).toEqual({ file, quoted: true });
    }
  });
});
