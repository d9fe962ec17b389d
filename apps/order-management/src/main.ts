import 'reflect-metadata';
import { bootstrapHttpApp, migrate } from '@portal/service-kit';
import { OrderManagementModule } from './app.module';
import { loadOrderManagementConfig } from './config';
import { ormOptions } from './orm-options';

async function main(): Promise<void> {
  const config = loadOrderManagementConfig();
  await migrate(ormOptions(config));
  await bootstrapHttpApp(OrderManagementModule.create(config), {
    title: 'Order management',
    description: 'Builds orders from integration events, serves orders and the integration event log, and emits order events.',
    port: config.ORDER_MANAGEMENT_PORT,
    host: config.HOST,
    operatorOnly: { pathPrefix: '/queues', token: config.OPERATOR_TOKEN },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
