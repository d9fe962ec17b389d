import { performance } from 'node:perf_hooks';
import type { OrderEvent } from '@portal/contracts';
import { orderEventsQueueName } from '@portal/contracts';
import { Job, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { sleep } from '../send-event/http';

/** Arrival time of order events, keyed by the order's externalOrderId. */
export class OrderEventLog {
  readonly created = new Map<string, { at: number; status: string }>();
  readonly drafted = new Map<string, number>();
  repeats = 0;

  record(event: OrderEvent, at: number): void {
    const key = event.order.source.externalOrderId;
    if (event.type === 'order.created') {
      if (this.created.has(key)) this.repeats += 1;
      else this.created.set(key, { at, status: event.order.status });
    } else if (event.type === 'order.drafted') {
      if (!this.drafted.has(key)) this.drafted.set(key, at);
    }
  }

  /** Waits until every externalId has an order.created (or order.drafted), or the deadline passes. */
  async waitFor(ids: string[], timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let missing = ids.filter((id) => !this.created.has(id) && !this.drafted.has(id));
    while (missing.length > 0 && Date.now() < deadline) {
      await sleep(100);
      missing = missing.filter((id) => !this.created.has(id) && !this.drafted.has(id));
    }
    return missing.length === 0;
  }
}

/**
 * The bench as an internal subscriber: a plain BullMQ worker on its order-events queue, timing
 * each arrival (the transport lib would add a framework between the queue and the clock).
 */
export async function subscribe(redisUrl: string, prefix: string, subscriber: string, log: OrderEventLog): Promise<() => Promise<void>> {
  const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  const worker = new Worker(orderEventsQueueName(subscriber), async (job: Job) => log.record(job.data as OrderEvent, performance.now()), {
    connection,
    prefix,
    concurrency: 50,
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 1000 },
  });
  worker.on('error', (e) => console.error(`bench: subscriber error: ${e.message}`));
  await worker.waitUntilReady();
  return async () => {
    await worker.close().catch(() => undefined);
    connection.disconnect();
  };
}
