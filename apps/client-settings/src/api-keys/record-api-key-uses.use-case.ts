import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Seen } from '@portal/service-kit';
import { advanceLastSeen } from '../activity/advance-last-seen';

/** When keys were last used, from this app's own requests and from other apps' batches. */
@Injectable()
export class RecordApiKeyUsesUseCase {
  constructor(private readonly em: EntityManager) {}

  execute(uses: Seen[]): Promise<void> {
    return advanceLastSeen(this.em.fork(), 'api_keys', 'last_used_at', uses);
  }
}
