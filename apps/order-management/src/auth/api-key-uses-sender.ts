import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { QueueNames } from '@portal/contracts';
import { OutboxWriter } from '@portal/messaging';
import { APP_CONFIG, ApiKeyUses, type Seen } from '@portal/service-kit';
import type { OrderManagementConfig } from '../config';

/**
 * Client settings owns the keys and shows when each was last used: this app sends it one
 * `api-key.uses` job per flush, through the outbox, so a Redis blip delays a batch without losing it.
 */
@Injectable()
export class ApiKeyUsesSender extends ApiKeyUses {
  constructor(
    @Inject(APP_CONFIG) config: OrderManagementConfig,
    private readonly em: EntityManager,
    private readonly outbox: OutboxWriter,
  ) {
    super(config.ACTIVITY_FLUSH_MS);
  }

  protected send(uses: Seen[]): Promise<void> {
    return this.outbox.transaction(this.em, (tx) =>
      this.outbox.add(tx, [
        { queue: QueueNames.settingsActivity, data: { v: 1, name: 'api-key.uses', uses: uses.map((u) => ({ keyId: u.id, at: u.at.toISOString() })) } },
      ]),
    );
  }
}
