import { Processor } from '@nestjs/bullmq';
import { QueueNames } from '@portal/contracts';
import { LoggedWorkerHost, parseQueueJob, WORKER_OPTIONS } from '@portal/messaging';
import type { Seen } from '@portal/service-kit';
import { UnrecoverableError, type Job } from 'bullmq';
import { RecordApiKeyUsesUseCase } from '../api-keys/record-api-key-uses.use-case';
import { RecordConnectionDeliveriesUseCase } from '../connections/record-connection-deliveries.use-case';

/** A time that cannot be read will never be: the job goes to the failed set at once, not into retries. */
function seen(id: string, at: string): Seen {
  const time = new Date(at);
  if (Number.isNaN(time.getTime())) throw new UnrecoverableError(`Activity time ${JSON.stringify(at)} for ${id} is not a date`);
  return { id, at: time };
}

/** Transport only: other apps' batches of what they saw, read against the queue's contract. */
@Processor(QueueNames.settingsActivity, WORKER_OPTIONS[QueueNames.settingsActivity])
export class SettingsActivityProcessor extends LoggedWorkerHost {
  constructor(
    private readonly recordApiKeyUses: RecordApiKeyUsesUseCase,
    private readonly recordConnectionDeliveries: RecordConnectionDeliveriesUseCase,
  ) {
    super();
  }

  async process(job: Job): Promise<void> {
    const activity = parseQueueJob(QueueNames.settingsActivity, job);
    if (activity.name === 'api-key.uses') {
      await this.recordApiKeyUses.execute(activity.uses.map((u) => seen(u.keyId, u.at)));
    } else {
      await this.recordConnectionDeliveries.execute(activity.deliveries.map((d) => seen(d.connectionId, d.at)));
    }
  }
}
