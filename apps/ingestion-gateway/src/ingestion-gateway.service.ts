import type { ServiceDefinition } from '@portal/service-kit';
import { GatewayModule } from './app.module';
import { GatewayConfig, GatewayConfigSchema } from './config';
import { ormOptions } from './orm-options';

/** The app as `main.ts` runs it and its tests start it. */
export const gatewayService: ServiceDefinition<GatewayConfig> = {
  configSchema: GatewayConfigSchema,
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
};
