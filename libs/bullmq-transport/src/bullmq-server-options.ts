import type { RedisOptions } from 'bullmq';
import type { z } from 'zod';

export interface BullMqServerOptions {
  /** A redis:// URL, or ioredis options (as BullMQ types them); workers always get `maxRetriesPerRequest: null`. */
  connection: string | RedisOptions;
  /** Seed nodes (`host:port`) of a Redis Cluster; with them, a `connection` URL gives only credentials and TLS. */
  clusterNodes?: readonly string[];
  /** The BullMQ prefix the producer uses (QUEUE_PREFIX; a {hash tag} on Redis Cluster). */
  prefix: string;
  /** The queues to consume, e.g. `[orderEventsQueueName('dispatch')]`. */
  queues: readonly string[];
  /** Jobs handled at once by each queue's worker (default 1). */
  concurrency?: number;
  /**
   * The payload schema of each event type (= job name), e.g. ORDER_EVENT_SCHEMAS: every
   * `@EventPattern` needs an entry, and a job is handed over only once its data parses.
   */
  schemas: Readonly<Record<string, z.ZodType>>;
}
