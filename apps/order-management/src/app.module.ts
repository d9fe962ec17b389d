import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { QueueNames } from '@portal/contracts';
import { ApiKeyResolver, ApiKeyUses, APP_CONFIG, AppLoggerModule, HealthModule, messagingFor, MetricsController, settingsProjectionProvider } from '@portal/service-kit';
import { ApiKeyUsesSender } from './auth/api-key-uses-sender';
import { ProjectedApiKeyResolver } from './auth/projected-api-key.resolver';
import { ClientDirectory } from './clients/client-directory';
import type { OrderManagementConfig } from './config';
import { CancelDraftUseCase } from './drafts/cancel-draft.use-case';
import { DraftsController } from './drafts/drafts.controller';
import { EditDraftUseCase } from './drafts/edit-draft.use-case';
import { FinalizeDraftUseCase } from './drafts/finalize-draft.use-case';
import { CancelOrderUseCase } from './intake/cancel-order.use-case';
import { ChangeOrderUseCase } from './intake/change-order.use-case';
import { OrderArrivals } from './intake/order-arrivals';
import { CreateOrderUseCase } from './intake/create-order.use-case';
import { MarkIntakeFailedUseCase } from './intake/mark-intake-failed.use-case';
import { IntakeProcessor } from './intake/intake.processor';
import { QuotedOrdersProcessor } from './intake/quoted-orders.processor';
import { RecordIntegrationEventUseCase } from './intake/record-integration-event.use-case';
import { SettleQuoteUseCase } from './intake/settle-quote.use-case';
import { IntegrationEventsController } from './integration-events/integration-events.controller';
import { ListIntegrationEventsUseCase } from './integration-events/list-integration-events.use-case';
import { ReplayEventUseCase } from './integration-events/replay-event.use-case';
import { ReplayMatchingEventsUseCase } from './integration-events/replay-matching-events.use-case';
import { IntegrationSummaryController } from './integration-summary/integration-summary.controller';
import { IntegrationSummaryUseCase } from './integration-summary/integration-summary.use-case';
import { OrderAnnouncements } from './ledger/order-announcements';
import { OrderLedger } from './ledger/order-ledger';
import { ormOptions } from './orm-options';
import { GetOrderUseCase } from './orders/get-order.use-case';
import { ListOrdersUseCase } from './orders/list-orders.use-case';
import { OrdersController } from './orders/orders.controller';
import { OrderManagementSettingsProcessor } from './projection/settings.processor';
import { PROJECTION } from './projection/settings-projection';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';
import { QuoteClient } from './quote-client/quote-client';
import { QuoteFlows } from './quote-client/quote-flows';
import { PreviewQuoteUseCase } from './quote-preview/preview-quote.use-case';
import { QuotesController } from './quote-preview/quotes.controller';
import { SCHEMA } from './schema';

export class OrderManagementModule {
  static create(config: OrderManagementConfig) {
    @Module({
      imports: [
        AppLoggerModule.forRoot('order-management', config),
        MikroOrmModule.forRoot({ ...ormOptions(config), registerRequestContext: true }),
        messagingFor(config, { outbox: true, consumes: [QueueNames.orderIntake, QueueNames.settingsForOrderManagement, QueueNames.quotedOrders] }),
        HealthModule,
        QueueDashboardModule.forSubscribers(config.ORDER_EVENT_SUBSCRIBERS),
      ],
      controllers: [OrdersController, DraftsController, QuotesController, IntegrationEventsController, IntegrationSummaryController, MetricsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: ApiKeyResolver, useClass: ProjectedApiKeyResolver },
        { provide: ApiKeyUses, useClass: ApiKeyUsesSender },
        settingsProjectionProvider(SCHEMA, PROJECTION),
        ClientDirectory,
        OrderAnnouncements,
        OrderLedger,
        QuoteClient,
        QuoteFlows,
        CreateOrderUseCase,
        ChangeOrderUseCase,
        OrderArrivals,
        CancelOrderUseCase,
        MarkIntakeFailedUseCase,
        RecordIntegrationEventUseCase,
        SettleQuoteUseCase,
        EditDraftUseCase,
        FinalizeDraftUseCase,
        CancelDraftUseCase,
        ListOrdersUseCase,
        GetOrderUseCase,
        ListIntegrationEventsUseCase,
        ReplayEventUseCase,
        ReplayMatchingEventsUseCase,
        IntegrationSummaryUseCase,
        PreviewQuoteUseCase,
        IntakeProcessor,
        QuotedOrdersProcessor,
        OrderManagementSettingsProcessor,
      ],
    })
    class AppModule {}
    return AppModule;
  }
}
