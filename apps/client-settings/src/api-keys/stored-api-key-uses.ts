import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, ApiKeyUses, type Seen } from '@portal/service-kit';
import type { ClientSettingsConfig } from '../config';
import { RecordApiKeyUsesUseCase } from './record-api-key-uses.use-case';

/** Client settings owns the keys: the uses of its own requests go straight to its table. */
@Injectable()
export class StoredApiKeyUses extends ApiKeyUses {
  constructor(
    @Inject(APP_CONFIG) config: ClientSettingsConfig,
    private readonly record: RecordApiKeyUsesUseCase,
  ) {
    super(config.ACTIVITY_FLUSH_MS);
  }

  protected send(uses: Seen[]): Promise<void> {
    return this.record.execute(uses);
  }
}
