import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { QueueNames } from '@portal/contracts';
import { ApiKeyResolver, APP_CONFIG, AppLoggerModule, HealthModule, messagingFor, MetricsController } from '@portal/service-kit';
import { ProjectedApiKeyResolver } from './auth/projected-api-key.resolver';
import type { OrderManagementConfig } from './config';
import { AcceptIntegrationEvent } from './intake/accept-integration-event.use-case';
import { ClientDirectory } from './intake/client-directory';
import { IntakeStore } from './intake/intake-store';
import { IntakeProcessor } from './intake/intake.processor';
import { RecordIntegrationEvent } from './intake/record-integration-event.use-case';
import { IntegrationEventsController } from './integration-events/integration-events.controller';
import { ormOptions } from './orm-options';
import { OrdersController } from './orders/orders.controller';
import { QueueDashboardModule } from './queue-dashboard.module';
import { OrderManagementSettingsProcessor } from './projection/settings.processor';

export class OrderManagementModule {
  static create(config: OrderManagementConfig) {
    @Module({
      imports: [
        AppLoggerModule.forRoot('order-management', config.LOG_LEVEL),
        MikroOrmModule.forRoot({ ...ormOptions(config), registerRequestContext: true }),
        messagingFor(config, { outbox: true, consumes: [QueueNames.orderIntake, QueueNames.settingsForOrderManagement] }),
        HealthModule,
        QueueDashboardModule.forSubscribers(config.ORDER_EVENT_SUBSCRIBERS),
      ],
      controllers: [OrdersController, IntegrationEventsController, MetricsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: ApiKeyResolver, useClass: ProjectedApiKeyResolver },
        AcceptIntegrationEvent,
        ClientDirectory,
        IntakeStore,
        RecordIntegrationEvent,
        IntakeProcessor,
        OrderManagementSettingsProcessor,
      ],
    })
    class AppModule {}
    return AppModule;
  }
}
