import { OutboxMessage } from '@portal/messaging';
import { ormConfig } from '@portal/service-kit';
import type { ClientSettingsConfig } from './config';
import { ApiKey } from './entities/api-key.entity';
import { Client } from './entities/client.entity';
import { Connection } from './entities/connection.entity';
import { Courier } from './entities/courier.entity';
import { InitialClientSettings } from './migrations/initial.migration';
import { SCHEMA } from './schema';

export const ormOptions = (config: ClientSettingsConfig) =>
  ormConfig({
    databaseUrl: config.DATABASE_URL,
    schema: SCHEMA,
    poolMax: config.DATABASE_POOL_MAX,
    entities: [Courier, Client, ApiKey, Connection, OutboxMessage],
    migrations: [{ name: 'InitialClientSettings', class: InitialClientSettings }],
  });
