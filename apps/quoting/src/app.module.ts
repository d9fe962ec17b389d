import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { QueueNames } from '@portal/contracts';
import { MessagingModule } from '@portal/messaging';
import { APP_CONFIG, AppLoggerModule, HealthModule, MetricsController } from '@portal/service-kit';
import type { QuotingConfig } from './config';
import { ormOptions } from './orm-options';
import { QuotingSettingsProcessor } from './projection/settings.processor';

export class QuotingModule {
  static create(config: QuotingConfig) {
    @Module({
      imports: [
        AppLoggerModule.forRoot('quoting', config.LOG_LEVEL),
        MikroOrmModule.forRoot(ormOptions(config)),
        MessagingModule.forRoot({
          outbox: false,
          consumes: [QueueNames.settingsForQuoting],
          useFactory: () => ({
            redisUrl: config.REDIS_URL,
            prefix: config.QUEUE_PREFIX,
            outboxPollMs: config.OUTBOX_POLL_MS,
            outboxBatchSize: config.OUTBOX_BATCH_SIZE,
          }),
        }),
        HealthModule,
      ],
      controllers: [MetricsController],
      providers: [{ provide: APP_CONFIG, useValue: config }, QuotingSettingsProcessor],
    })
    class AppModule {}
    return AppModule;
  }
}
