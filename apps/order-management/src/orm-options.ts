import { OutboxMessage, OutboxWithoutCreatedAtIndex } from '@portal/messaging';
import { ormConfig } from '@portal/service-kit';
import type { OrderManagementConfig } from './config';
import { ApiKeyView } from './entities/api-key-view.entity';
import { ClientView } from './entities/client-view.entity';
import { IntegrationEventRecord } from './entities/integration-event.entity';
import { Order } from './entities/order.entity';
import { Drafts } from './migrations/drafts.migration';
import { InitialOrderManagement } from './migrations/initial.migration';
import { IntegrationSummaryIndexes } from './migrations/integration-summary-indexes.migration';
import { OrderLifecycle } from './migrations/order-lifecycle.migration';
import { OrderReceivedAt } from './migrations/order-received-at.migration';
import { OrderKey } from './entities/order-key.entity';
import { SCHEMA } from './schema';

export const ormOptions = (config: OrderManagementConfig) =>
  ormConfig({
    databaseUrl: config.DATABASE_URL,
    schema: SCHEMA,
    poolMax: config.DATABASE_POOL_MAX,
    entities: [ClientView, ApiKeyView, Order, OrderKey, IntegrationEventRecord, OutboxMessage],
    migrations: [
      { name: 'InitialOrderManagement', class: InitialOrderManagement },
      { name: 'Drafts', class: Drafts },
      { name: 'OrderReceivedAt', class: OrderReceivedAt },
      { name: 'OrderLifecycle', class: OrderLifecycle },
      { name: 'IntegrationSummaryIndexes', class: IntegrationSummaryIndexes },
      { name: 'OutboxWithoutCreatedAtIndex', class: OutboxWithoutCreatedAtIndex },
    ],
  });
