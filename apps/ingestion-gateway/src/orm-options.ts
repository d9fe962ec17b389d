import { OutboxMessage, OutboxWithoutCreatedAtIndex } from '@portal/messaging';
import { ormConfig } from '@portal/service-kit';
import type { GatewayConfig } from './config';
import { ClientView } from './entities/client-view.entity';
import { ConnectionView } from './entities/connection-view.entity';
import { RefusedDelivery } from './entities/refused-delivery.entity';
import { Replay } from './entities/replay.entity';
import { StoredEvent } from './entities/stored-event.entity';
import { DeliveryLifecycle } from './migrations/delivery-lifecycle.migration';
import { InitialGateway } from './migrations/initial.migration';
import { SCHEMA } from './schema';

export const ormOptions = (config: GatewayConfig) =>
  ormConfig({
    databaseUrl: config.DATABASE_URL,
    schema: SCHEMA,
    poolMax: config.DATABASE_POOL_MAX,
    entities: [ConnectionView, ClientView, StoredEvent, RefusedDelivery, Replay, OutboxMessage],
    migrations: [
      { name: 'InitialGateway', class: InitialGateway },
      { name: 'DeliveryLifecycle', class: DeliveryLifecycle },
      { name: 'OutboxWithoutCreatedAtIndex', class: OutboxWithoutCreatedAtIndex },
    ],
  });
