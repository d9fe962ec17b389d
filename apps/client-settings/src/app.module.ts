import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { ApiKeyResolver, APP_CONFIG, AppLoggerModule, HealthModule, messagingFor, MetricsController } from '@portal/service-kit';
import { StoredApiKeyResolver } from './auth/stored-api-key.resolver';
import { ApiKeysController } from './clients/api-keys.controller';
import { ClientServicesController } from './clients/client-services.controller';
import { ClientsController } from './clients/clients.controller';
import { ClientSettingsConfig } from './config';
import { ConnectionsController } from './connections/connections.controller';
import { CouriersController } from './couriers/couriers.controller';
import { ormOptions } from './orm-options';
import { SettingsPublisher } from './publishing/settings-publisher';
import { RateTablesController } from './rates/rate-tables.controller';
import { ServicesController } from './services/services.controller';

export class ClientSettingsModule {
  static create(config: ClientSettingsConfig) {
    @Module({
      imports: [
        AppLoggerModule.forRoot('client-settings', config.LOG_LEVEL),
        MikroOrmModule.forRoot({ ...ormOptions(config), registerRequestContext: true }),
        messagingFor(config, { outbox: true, consumes: [] }),
        HealthModule,
      ],
      controllers: [
        CouriersController,
        ClientsController,
        ApiKeysController,
        ConnectionsController,
        ServicesController,
        RateTablesController,
        ClientServicesController,
        MetricsController,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: ApiKeyResolver, useClass: StoredApiKeyResolver },
        SettingsPublisher,
      ],
    })
    class AppModule {}
    return AppModule;
  }
}
