import { OutboxMessage, OutboxWithoutCreatedAtIndex } from '@portal/messaging';
import { ormConfig } from '@portal/service-kit';
import type { ClientSettingsConfig } from './config';
import { ApiKey } from './entities/api-key.entity';
import { Client } from './entities/client.entity';
import { Connection } from './entities/connection.entity';
import { ClientServiceRecord } from './entities/client-service.entity';
import { Courier } from './entities/courier.entity';
import { RateTableRecord } from './entities/rate-table.entity';
import { ServiceRecord } from './entities/service.entity';
import { ApiKeyNamesAndActivity } from './migrations/api-key-names-and-activity.migration';
import { InitialClientSettings } from './migrations/initial.migration';
import { RatesAndServices } from './migrations/rates-and-services.migration';
import { SCHEMA } from './schema';

export const ormOptions = (config: ClientSettingsConfig) =>
  ormConfig({
    databaseUrl: config.DATABASE_URL,
    schema: SCHEMA,
    poolMax: config.DATABASE_POOL_MAX,
    entities: [Courier, Client, ApiKey, Connection, ServiceRecord, RateTableRecord, ClientServiceRecord, OutboxMessage],
    migrations: [
      { name: 'InitialClientSettings', class: InitialClientSettings },
      { name: 'RatesAndServices', class: RatesAndServices },
      { name: 'ApiKeyNamesAndActivity', class: ApiKeyNamesAndActivity },
      { name: 'OutboxWithoutCreatedAtIndex', class: OutboxWithoutCreatedAtIndex },
    ],
  });
