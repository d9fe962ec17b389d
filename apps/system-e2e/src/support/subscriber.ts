import { OrderCreatedEventSchema, orderEventsQueueName, type OrderCreatedEvent } from '@portal/contracts';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';

export interface ReceivedJob {
  name: string;
  data: unknown;
  receivedAt: number;
}

/**
 * Consumes `order-events-<subscriber>` as an internal service would (any BullMQ client, the queue
 * prefix from QUEUE_PREFIX) and keeps every job it receives.
 */
export class SubscriberCollector {
  readonly jobs: ReceivedJob[] = [];
  private readonly connection: Redis;
  private readonly worker: Worker;

  constructor(redisUrl: string, prefix: string, subscriber: string) {
    this.connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.worker = new Worker(
      orderEventsQueueName(subscriber),
      async (job) => {
        this.jobs.push({ name: job.name, data: job.data, receivedAt: Date.now() });
      },
      { connection: this.connection, prefix, concurrency: 10 },
    );
    this.worker.on('error', () => undefined);
  }

  async ready(): Promise<void> {
    await this.worker.waitUntilReady();
  }

  /** Every `order.created` job, validated against the contract (throws when one does not parse). */
  orderCreated(): OrderCreatedEvent[] {
    return this.jobs.filter((j) => j.name === 'order.created').map((j) => OrderCreatedEventSchema.parse(j.data));
  }

  /** Raw jobs whose data names this order id. */
  jobsForOrder(orderId: string): ReceivedJob[] {
    return this.jobs.filter((j) => (j.data as { order?: { id?: unknown } } | null)?.order?.id === orderId);
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.connection.quit().catch(() => undefined);
  }
}
