import type { DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@portal/messaging';
import { ConfigError, type BaseConfig } from '../config/base-config';

/** Messaging for an app, configured from the environment every app shares. */
export function messagingFor(config: BaseConfig, use: { consumes: string[]; outbox: boolean }): DynamicModule {
  // On a Redis Cluster a flow spans queues and BullMQ's scripts span a queue's keys: one slot for all.
  if (config.REDIS_CLUSTER_NODES.length > 0 && !/^\{[^}]+\}$/.test(config.QUEUE_PREFIX)) {
    throw new ConfigError(`Invalid configuration: QUEUE_PREFIX must be a {hash tag} such as {portal} on a Redis Cluster (got ${config.QUEUE_PREFIX})`);
  }
  return MessagingModule.forRoot({
    ...use,
    useFactory: () => ({
      redisUrl: config.REDIS_URL,
      redisClusterNodes: config.REDIS_CLUSTER_NODES,
      prefix: config.QUEUE_PREFIX,
      outboxPollMs: config.OUTBOX_POLL_MS,
      outboxBatchSize: config.OUTBOX_BATCH_SIZE,
      outboxCoalesceMs: config.OUTBOX_COALESCE_MS,
    }),
  });
}
