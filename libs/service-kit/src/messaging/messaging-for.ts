import type { DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@portal/messaging';
import type { BaseConfig } from '../config/base-config';

/** Messaging for an app, configured from the environment every app shares. */
export function messagingFor(config: BaseConfig, use: { consumes: string[]; outbox: boolean }): DynamicModule {
  return MessagingModule.forRoot({
    ...use,
    useFactory: () => ({
      redisUrl: config.REDIS_URL,
      prefix: config.QUEUE_PREFIX,
      outboxPollMs: config.OUTBOX_POLL_MS,
      outboxBatchSize: config.OUTBOX_BATCH_SIZE,
      outboxCoalesceMs: config.OUTBOX_COALESCE_MS,
    }),
  });
}
