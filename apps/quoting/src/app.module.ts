import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { QueueNames } from '@portal/contracts';
import { APP_CONFIG, AppLoggerModule, HealthModule, messagingFor, MetricsController } from '@portal/service-kit';
import type { QuotingConfig } from './config';
import { ormOptions } from './orm-options';
import { QuotingSettingsProcessor } from './projection/settings.processor';

export class QuotingModule {
  static create(config: QuotingConfig) {
    @Module({
      imports: [
        AppLoggerModule.forRoot('quoting', config.LOG_LEVEL),
        MikroOrmModule.forRoot(ormOptions(config)),
        messagingFor(config, { outbox: false, consumes: [QueueNames.settingsForQuoting] }),
        HealthModule,
      ],
      controllers: [MetricsController],
      providers: [{ provide: APP_CONFIG, useValue: config }, QuotingSettingsProcessor],
    })
    class AppModule {}
    return AppModule;
  }
}
