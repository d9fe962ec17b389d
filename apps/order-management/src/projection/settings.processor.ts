import { Processor } from '@nestjs/bullmq';
import { QueueNames } from '@portal/contracts';
import { LoggedWorkerHost, parseQueueJob, WORKER_OPTIONS } from '@portal/messaging';
import { ApplySettingsChangeUseCase } from '@portal/service-kit';
import type { Job } from 'bullmq';

/** Transport only: the change, read against its queue's contract, applied to this app's projection. */
@Processor(QueueNames.settingsForOrderManagement, WORKER_OPTIONS[QueueNames.settingsForOrderManagement])
export class OrderManagementSettingsProcessor extends LoggedWorkerHost {
  constructor(private readonly apply: ApplySettingsChangeUseCase) {
    super();
  }

  async process(job: Job): Promise<void> {
    await this.apply.execute(parseQueueJob(QueueNames.settingsForOrderManagement, job));
  }
}
