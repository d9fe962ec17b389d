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
import { DraftsController } from './drafts/drafts.controller';
import { DraftsService } from './drafts/drafts.service';
import { OrderAnnouncements } from './events/order-announcements';
import { QuotedOrdersProcessor } from './intake/quoted-orders.processor';
import { OrdersController } from './orders/orders.controller';
import { QuoteClient } from './quoting/quote-client';
import { QuoteFlows } from './quoting/quote-flows';
import { QuotesController } from './quotes/quotes.controller';
import { QueueDashboardModule } from './queue-dashboard.module';
import { OrderManagementSettingsProcessor } from './projection/settings.processor';

export class OrderManagementModule {
  static create(config: OrderManagementConfig) {
    @Module({
      imports: [
        AppLoggerModule.forRoot('order-management', config.LOG_LEVEL),
        MikroOrmModule.forRoot({ ...ormOptions(config), registerRequestContext: true }),
        messagingFor(config, { outbox: true, consumes: [QueueNames.orderIntake, QueueNames.settingsForOrderManagement, QueueNames.quotedOrders] }),
        HealthModule,
        QueueDashboardModule.forSubscribers(config.ORDER_EVENT_SUBSCRIBERS),
      ],
      controllers: [OrdersController, DraftsController, QuotesController, IntegrationEventsController, MetricsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: ApiKeyResolver, useClass: ProjectedApiKeyResolver },
        AcceptIntegrationEvent,
        ClientDirectory,
        IntakeStore,
        OrderAnnouncements,
        QuoteClient,
        QuoteFlows,
        QuotedOrdersProcessor,
        DraftsService,
        RecordIntegrationEvent,
        IntakeProcessor,
        OrderManagementSettingsProcessor,
      ],
    })
    class AppModule {}
    return AppModule;
  }
}
