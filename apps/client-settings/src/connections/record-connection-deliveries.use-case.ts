import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Seen } from '@portal/service-kit';
import { advanceLastSeen } from '../activity/advance-last-seen';

/** The gateway's last verified delivery per connection, which makes a connection's health. */
@Injectable()
export class RecordConnectionDeliveriesUseCase {
  constructor(private readonly em: EntityManager) {}

  execute(deliveries: Seen[]): Promise<void> {
    return advanceLastSeen(this.em.fork(), 'connections', 'last_delivery_at', deliveries);
  }
}
