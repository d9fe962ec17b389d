import 'reflect-metadata';
import { bootstrapHttpApp, migrate } from '@portal/service-kit';
import { GatewayModule } from './app.module';
import { loadGatewayConfig } from './config';
import { ormOptions } from './orm-options';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  await migrate(ormOptions(config));
  await bootstrapHttpApp(GatewayModule.create(config), {
    title: 'Ingestion gateway',
    description: 'Receives signed order webhooks from Shopify, WooCommerce and generic senders, stores them durably and answers fast.',
    port: config.INGESTION_GATEWAY_PORT,
    host: config.HOST,
    bodyLimit: config.GATEWAY_BODY_LIMIT_BYTES,
    rawBodies: true,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
