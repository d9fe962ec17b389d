import { ormConfig } from '@portal/service-kit';
import type { QuotingConfig } from './config';
import { ClientView } from './entities/client-view.entity';
import { InitialQuoting } from './migrations/initial.migration';
import { SCHEMA } from './schema';

export const ormOptions = (config: QuotingConfig) =>
  ormConfig({
    databaseUrl: config.DATABASE_URL,
    schema: SCHEMA,
    poolMax: config.DATABASE_POOL_MAX,
    entities: [ClientView],
    migrations: [{ name: 'InitialQuoting', class: InitialQuoting }],
  });
