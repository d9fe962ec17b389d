import 'reflect-metadata';
import { runService } from '@portal/service-kit';
import { ClientSettingsModule } from './app.module';
import { loadClientSettingsConfig } from './config';
import { ormOptions } from './orm-options';

runService({
  loadConfig: loadClientSettingsConfig,
  ormOptions,
  module: (config) => ClientSettingsModule.create(config),
  http: (config) => ({
    title: 'Client settings',
    description: 'Couriers configure clients, integration settings and connections; clients manage their own connections and keys.',
    port: config.CLIENT_SETTINGS_PORT,
    host: config.HOST,
  }),
});
