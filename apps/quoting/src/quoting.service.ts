import type { ServiceDefinition } from '@portal/service-kit';
import { QuotingModule } from './app.module';
import { QuotingConfig, QuotingConfigSchema } from './config';
import { ormOptions } from './orm-options';

/** The app as `main.ts` runs it and its tests start it. */
export const quotingService: ServiceDefinition<QuotingConfig> = {
  configSchema: QuotingConfigSchema,
  ormOptions,
  module: (config) => QuotingModule.create(config),
  http: (config) => ({
    title: 'Quoting',
    description: "Quotes orders against a client's services and rate tables and picks a service by the courier's rule.",
    port: config.QUOTING_PORT,
    host: config.HOST,
  }),
};
