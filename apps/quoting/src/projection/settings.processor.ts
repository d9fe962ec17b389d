import { Processor } from '@nestjs/bullmq';
import { QueueNames } from '@portal/contracts';
import { LoggedWorkerHost, parseQueueJob, WORKER_OPTIONS } from '@portal/messaging';
import { ApplySettingsChange } from '@portal/service-kit';
import type { Job } from 'bullmq';

/** Transport only: the change, read against its queue's contract, applied to this app's projection. */
@Processor(QueueNames.settingsForQuoting, WORKER_OPTIONS[QueueNames.settingsForQuoting])
export class QuotingSettingsProcessor extends LoggedWorkerHost {
  constructor(private readonly apply: ApplySettingsChange) {
    super();
  }

  async process(job: Job): Promise<void> {
    await this.apply.execute(parseQueueJob(QueueNames.settingsForQuoting, job));
  }
}
