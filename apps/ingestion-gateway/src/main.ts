import 'reflect-metadata';
import { runService } from '@portal/service-kit';
import { GatewayModule } from './app.module';
import { loadGatewayConfig } from './config';
import { ormOptions } from './orm-options';

runService({
  loadConfig: loadGatewayConfig,
  ormOptions,
  module: (config) => GatewayModule.create(config),
  http: (config) => ({
    title: 'Ingestion gateway',
    description: 'Receives signed order webhooks from Shopify, WooCommerce and generic senders, stores them durably and answers fast.',
    port: config.INGESTION_GATEWAY_PORT,
    host: config.HOST,
    bodyLimit: config.GATEWAY_BODY_LIMIT_BYTES,
    rawBodies: true,
  }),
});
