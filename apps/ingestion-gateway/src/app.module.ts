import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { QueueNames } from '@portal/contracts';
import { APP_CONFIG, AppLoggerModule, HealthModule, messagingFor, MetricsController, settingsProjectionProvider } from '@portal/service-kit';
import { ConnectionActivity } from './activity/connection-activity';
import type { GatewayConfig } from './config';
import { ConnectionRateLimiter } from './hooks/connection-rate-limiter';
import { EventStore } from './hooks/event-store';
import { HooksController } from './hooks/hooks.controller';
import { ReceiveDelivery } from './hooks/receive-delivery.use-case';
import { ormOptions } from './orm-options';
import { GenericAdapter } from './platforms/generic/generic.adapter';
import { ShopifyAdapter } from './platforms/shopify/shopify.adapter';
import { WooCommerceAdapter } from './platforms/woocommerce/woocommerce.adapter';
import { ConnectionCache } from './projection/connection-cache';
import { GatewaySettingsProcessor } from './projection/settings.processor';
import { PROJECTION } from './projection/settings-projection';
import { DeliveryReplaysProcessor } from './replays/delivery-replays.processor';
import { ReplayDeliveryUseCase } from './replays/replay-delivery.use-case';
import { ReplayHandOff } from './replays/replay-hand-off';
import { StoredDeliveries } from './replays/stored-deliveries';
import { SCHEMA } from './schema';

export class GatewayModule {
  static create(config: GatewayConfig) {
    @Module({
      imports: [
        AppLoggerModule.forRoot('ingestion-gateway', config),
        // Every database access here forks its own entity manager: no per-request context to pay for.
        MikroOrmModule.forRoot({ ...ormOptions(config), registerRequestContext: false }),
        messagingFor(config, { outbox: true, consumes: [QueueNames.settingsForGateway, QueueNames.deliveryReplays] }),
        HealthModule,
      ],
      controllers: [HooksController, MetricsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        settingsProjectionProvider(SCHEMA, PROJECTION),
        ConnectionCache,
        ConnectionActivity,
        ConnectionRateLimiter,
        EventStore,
        GenericAdapter,
        ShopifyAdapter,
        WooCommerceAdapter,
        ReceiveDelivery,
        GatewaySettingsProcessor,
        StoredDeliveries,
        ReplayHandOff,
        ReplayDeliveryUseCase,
        DeliveryReplaysProcessor,
      ],
    })
    class AppModule {}
    return AppModule;
  }
}
