import type { RedisTarget } from './redis-connection';

export interface MessagingOptions extends RedisTarget {
  /** BullMQ prefix for every queue; a {hash tag} on Redis Cluster. */
  prefix: string;
  outboxPollMs: number;
  outboxBatchSize: number;
  /** How long a nudge waits for others to join its pass. */
  outboxCoalesceMs: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
/** A fail-fast ioredis connection for producers and health checks. */
export const PRODUCER_REDIS = Symbol('PRODUCER_REDIS');
