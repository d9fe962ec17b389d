import 'reflect-metadata';
import { bootstrapHttpApp, migrate } from '@portal/service-kit';
import { ClientSettingsModule } from './app.module';
import { loadClientSettingsConfig } from './config';
import { ormOptions } from './orm-options';

async function main(): Promise<void> {
  const config = loadClientSettingsConfig();
  await migrate(ormOptions(config));
  await bootstrapHttpApp(ClientSettingsModule.create(config), {
    title: 'Client settings',
    description: 'Couriers configure clients, integration settings and connections; clients manage their own connections and keys.',
    port: config.CLIENT_SETTINGS_PORT,
    host: config.HOST,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
