import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { QueueNames } from '@portal/contracts';
import { OutboxWriter } from '@portal/messaging';
import { APP_CONFIG, LatestActivity, type Seen } from '@portal/service-kit';
import type { GatewayConfig } from '../config';

/**
 * The last verified delivery per connection, for its health in client settings: noted in memory on
 * the hot path and sent as one `connection.deliveries` job per flush, through the outbox (one small
 * insert every few seconds, never a write per delivery; a Redis blip delays a batch, loses nothing).
 */
@Injectable()
export class ConnectionActivity extends LatestActivity {
  constructor(
    @Inject(APP_CONFIG) config: GatewayConfig,
    private readonly orm: MikroORM,
    private readonly outbox: OutboxWriter,
  ) {
    super(config.ACTIVITY_FLUSH_MS);
  }

  protected send(deliveries: Seen[]): Promise<void> {
    return this.outbox.transaction(this.orm.em as EntityManager, (tx) =>
      this.outbox.add(tx, [
        { queue: QueueNames.settingsActivity, data: { v: 1, name: 'connection.deliveries', deliveries: deliveries.map((d) => ({ connectionId: d.id, at: d.at.toISOString() })) } },
      ]),
    );
  }
}
