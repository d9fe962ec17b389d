import { ormConfig } from '@portal/service-kit';
import type { QuotingConfig } from './config';
import { ClientServicesView } from './entities/client-services-view.entity';
import { ClientView } from './entities/client-view.entity';
import { RateTableView } from './entities/rate-table-view.entity';
import { ServiceView } from './entities/service-view.entity';
import { InitialQuoting } from './migrations/initial.migration';
import { QuotingRatesAndServices } from './migrations/rates-and-services.migration';
import { SCHEMA } from './schema';

export const ormOptions = (config: QuotingConfig) =>
  ormConfig({
    databaseUrl: config.DATABASE_URL,
    schema: SCHEMA,
    poolMax: config.DATABASE_POOL_MAX,
    entities: [ClientView, ServiceView, RateTableView, ClientServicesView],
    migrations: [
      { name: 'InitialQuoting', class: InitialQuoting },
      { name: 'QuotingRatesAndServices', class: QuotingRatesAndServices },
    ],
  });
