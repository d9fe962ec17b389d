import 'reflect-metadata';
import { bootstrapHttpApp, migrate } from '@portal/service-kit';
import { QuotingModule } from './app.module';
import { loadQuotingConfig } from './config';
import { ormOptions } from './orm-options';

async function main(): Promise<void> {
  const config = loadQuotingConfig();
  await migrate(ormOptions(config));
  await bootstrapHttpApp(QuotingModule.create(config), {
    title: 'Quoting',
    description: "Quotes orders against a client's services and rate tables and picks a service by the courier's rule.",
    port: config.QUOTING_PORT,
    host: config.HOST,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
