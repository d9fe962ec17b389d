import type { ServiceDefinition } from '@portal/service-kit';
import { OrderManagementModule } from './app.module';
import { OrderManagementConfig, OrderManagementConfigSchema } from './config';
import { ormOptions } from './orm-options';

/** The app as `main.ts` runs it and its tests start it. */
export const orderManagementService: ServiceDefinition<OrderManagementConfig> = {
  configSchema: OrderManagementConfigSchema,
  ormOptions,
  module: (config) => OrderManagementModule.create(config),
  http: (config) => ({
    title: 'Order management',
    description: 'Builds orders from integration events, serves orders and the integration event log, and emits order events.',
    port: config.ORDER_MANAGEMENT_PORT,
    host: config.HOST,
    operatorOnly: { pathPrefix: '/queues', token: config.OPERATOR_TOKEN },
  }),
};
