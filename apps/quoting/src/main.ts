import 'reflect-metadata';
import { runService } from '@portal/service-kit';
import { QuotingModule } from './app.module';
import { loadQuotingConfig } from './config';
import { ormOptions } from './orm-options';

runService({
  loadConfig: loadQuotingConfig,
  ormOptions,
  module: (config) => QuotingModule.create(config),
  http: (config) => ({
    title: 'Quoting',
    description: "Quotes orders against a client's services and rate tables and picks a service by the courier's rule.",
    port: config.QUOTING_PORT,
    host: config.HOST,
  }),
});
