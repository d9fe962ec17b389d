import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { QueueNames } from '@portal/contracts';
import { ApiKeyResolver, ApiKeyUses, APP_CONFIG, AppLoggerModule, HealthModule, messagingFor, MetricsController } from '@portal/service-kit';
import { SettingsActivityProcessor } from './activity/settings-activity.processor';
import { ApiKeyIssuer } from './api-keys/api-key-issuer';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { CreateApiKeyUseCase } from './api-keys/create-api-key.use-case';
import { CreateCourierApiKeyUseCase } from './api-keys/create-courier-api-key.use-case';
import { ListApiKeysUseCase } from './api-keys/list-api-keys.use-case';
import { RecordApiKeyUsesUseCase } from './api-keys/record-api-key-uses.use-case';
import { RevokeApiKeyUseCase } from './api-keys/revoke-api-key.use-case';
import { StoredApiKeyUses } from './api-keys/stored-api-key-uses';
import { TenantApiKeysController } from './api-keys/tenant-api-keys.controller';
import { StoredApiKeyResolver } from './auth/stored-api-key.resolver';
import { ClientServicesController } from './clients/client-services.controller';
import { ClientsController } from './clients/clients.controller';
import { CreateClientUseCase } from './clients/create-client.use-case';
import { GetClientServicesUseCase } from './clients/get-client-services.use-case';
import { GetClientUseCase } from './clients/get-client.use-case';
import { GetIntegrationSettingsUseCase } from './clients/get-integration-settings.use-case';
import { ListClientsUseCase } from './clients/list-clients.use-case';
import { ReplaceClientServicesUseCase } from './clients/replace-client-services.use-case';
import { UpdateClientUseCase } from './clients/update-client.use-case';
import { UpdateIntegrationSettingsUseCase } from './clients/update-integration-settings.use-case';
import { ClientSettingsConfig } from './config';
import { ConnectionsController } from './connections/connections.controller';
import { CreateConnectionUseCase } from './connections/create-connection.use-case';
import { DeleteConnectionUseCase } from './connections/delete-connection.use-case';
import { ListConnectionsUseCase } from './connections/list-connections.use-case';
import { RecordConnectionDeliveriesUseCase } from './connections/record-connection-deliveries.use-case';
import { RotateConnectionSecretUseCase } from './connections/rotate-connection-secret.use-case';
import { SilentConnectionsMetric } from './connections/silent-connections.metric';
import { UpdateConnectionUseCase } from './connections/update-connection.use-case';
import { CouriersController } from './couriers/couriers.controller';
import { CreateCourierUseCase } from './couriers/create-courier.use-case';
import { ormOptions } from './orm-options';
import { SettingsPublisher } from './publishing/settings-publisher';
import { CreateRateTableUseCase } from './rates/create-rate-table.use-case';
import { DeleteRateTableUseCase } from './rates/delete-rate-table.use-case';
import { GetRateTableUseCase } from './rates/get-rate-table.use-case';
import { ListRateTablesUseCase } from './rates/list-rate-tables.use-case';
import { RateTablesController } from './rates/rate-tables.controller';
import { UpdateRateTableUseCase } from './rates/update-rate-table.use-case';
import { CreateServiceUseCase } from './services/create-service.use-case';
import { DeleteServiceUseCase } from './services/delete-service.use-case';
import { GetServiceUseCase } from './services/get-service.use-case';
import { ListServicesUseCase } from './services/list-services.use-case';
import { ServicesController } from './services/services.controller';
import { UpdateServiceUseCase } from './services/update-service.use-case';

/** One use case per operation; controllers only turn a request into its command. */
const useCases = [
  CreateCourierUseCase,
  CreateClientUseCase,
  ListClientsUseCase,
  GetClientUseCase,
  UpdateClientUseCase,
  GetIntegrationSettingsUseCase,
  UpdateIntegrationSettingsUseCase,
  GetClientServicesUseCase,
  ReplaceClientServicesUseCase,
  CreateApiKeyUseCase,
  CreateCourierApiKeyUseCase,
  ListApiKeysUseCase,
  RevokeApiKeyUseCase,
  RecordApiKeyUsesUseCase,
  CreateConnectionUseCase,
  ListConnectionsUseCase,
  UpdateConnectionUseCase,
  DeleteConnectionUseCase,
  RotateConnectionSecretUseCase,
  RecordConnectionDeliveriesUseCase,
  CreateServiceUseCase,
  ListServicesUseCase,
  GetServiceUseCase,
  UpdateServiceUseCase,
  DeleteServiceUseCase,
  CreateRateTableUseCase,
  ListRateTablesUseCase,
  GetRateTableUseCase,
  UpdateRateTableUseCase,
  DeleteRateTableUseCase,
];

export class ClientSettingsModule {
  static create(config: ClientSettingsConfig) {
    @Module({
      imports: [
        AppLoggerModule.forRoot('client-settings', config),
        MikroOrmModule.forRoot({ ...ormOptions(config), registerRequestContext: true }),
        messagingFor(config, { outbox: true, consumes: [QueueNames.settingsActivity] }),
        HealthModule,
      ],
      controllers: [
        CouriersController,
        ClientsController,
        ApiKeysController,
        TenantApiKeysController,
        ConnectionsController,
        ServicesController,
        RateTablesController,
        ClientServicesController,
        MetricsController,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: ApiKeyResolver, useClass: StoredApiKeyResolver },
        { provide: ApiKeyUses, useClass: StoredApiKeyUses },
        SettingsPublisher,
        ApiKeyIssuer,
        SilentConnectionsMetric,
        SettingsActivityProcessor,
        ...useCases,
      ],
    })
    class AppModule {}
    return AppModule;
  }
}
