import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { QueueNames } from '@portal/contracts';
import { MessagingModule } from '@portal/messaging';
import { APP_CONFIG, AppLoggerModule, HealthModule, MetricsController } from '@portal/service-kit';
import type { GatewayConfig } from './config';
import { ConnectionRateLimiter } from './hooks/connection-rate-limiter';
import { EventStore } from './hooks/event-store';
import { HooksController } from './hooks/hooks.controller';
import { ReceiveDelivery } from './hooks/receive-delivery.use-case';
import { ormOptions } from './orm-options';
import { GenericAdapter } from './platforms/generic/generic.adapter';
import { ConnectionCache } from './projection/connection-cache';
import { GatewaySettingsProcessor } from './projection/settings.processor';

export class GatewayModule {
  static create(config: GatewayConfig) {
    @Module({
      imports: [
        AppLoggerModule.forRoot('ingestion-gateway', config.LOG_LEVEL),
        MikroOrmModule.forRoot(ormOptions(config)),
        MessagingModule.forRoot({
          outbox: true,
          consumes: [QueueNames.settingsForGateway],
          useFactory: () => ({
            redisUrl: config.REDIS_URL,
            prefix: config.QUEUE_PREFIX,
            outboxPollMs: config.OUTBOX_POLL_MS,
            outboxBatchSize: config.OUTBOX_BATCH_SIZE,
          }),
        }),
        HealthModule,
      ],
      controllers: [HooksController, MetricsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        ConnectionCache,
        ConnectionRateLimiter,
        EventStore,
        GenericAdapter,
        ReceiveDelivery,
        GatewaySettingsProcessor,
      ],
    })
    class AppModule {}
    return AppModule;
  }
}
