import type { ServiceDefinition } from '@portal/service-kit';
import { ClientSettingsModule } from './app.module';
import { ClientSettingsConfig, ClientSettingsConfigSchema } from './config';
import { ormOptions } from './orm-options';

/** The app as `main.ts` runs it and its tests start it. */
export const clientSettingsService: ServiceDefinition<ClientSettingsConfig> = {
  configSchema: ClientSettingsConfigSchema,
  ormOptions,
  module: (config) => ClientSettingsModule.create(config),
  http: (config) => ({
    title: 'Client settings',
    description: 'Couriers configure clients, integration settings and connections; clients manage their own connections and keys.',
    port: config.CLIENT_SETTINGS_PORT,
    host: config.HOST,
  }),
};
