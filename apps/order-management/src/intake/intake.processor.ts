import { Processor } from '@nestjs/bullmq';
import { QueueNames, type IntakeAcceptedJob } from '@portal/contracts';
import { describeError, failsForGood, LoggedWorkerHost, parseQueueJob, WORKER_OPTIONS } from '@portal/messaging';
import type { Job } from 'bullmq';
import type { Settled } from '../ledger/order-ledger';
import { CancelOrderUseCase } from './cancel-order.use-case';
import { ChangeOrderUseCase } from './change-order.use-case';
import { CreateOrderUseCase } from './create-order.use-case';
import { intakeOutcomes } from './intake-metrics';
import { isCancelJob, isStateJob } from './intake-state';
import { MarkIntakeFailedUseCase } from './mark-intake-failed.use-case';
import { RecordIntegrationEventUseCase } from './record-integration-event.use-case';

/** Transport only: reads the job against its contract and hands it to the use case its event calls for. */
@Processor(QueueNames.orderIntake, WORKER_OPTIONS[QueueNames.orderIntake])
export class IntakeProcessor extends LoggedWorkerHost {
  constructor(
    private readonly create: CreateOrderUseCase,
    private readonly change: ChangeOrderUseCase,
    private readonly cancel: CancelOrderUseCase,
    private readonly record: RecordIntegrationEventUseCase,
    private readonly markFailed: MarkIntakeFailedUseCase,
  ) {
    super();
  }

  async process(job: Job): Promise<void> {
    const intake = parseQueueJob(QueueNames.orderIntake, job);
    if (intake.name === 'integration-event.recorded') {
      await this.record.execute(intake);
      intakeOutcomes.inc({ outcome: intake.outcome });
      this.logger.log({ eventId: intake.eventId, outcome: intake.outcome }, 'Integration event recorded');
      return;
    }
    try {
      const result = await this.accept(intake);
      if (!result) {
        this.logger.log({ eventId: intake.eventId }, 'Integration event already processed; repeat ignored');
        return;
      }
      intakeOutcomes.inc({ outcome: result.outcome });
      this.logger.log({ eventId: intake.eventId, type: intake.event.type, outcome: result.outcome, orderId: result.orderId }, 'Integration event processed');
    } catch (error) {
      if (failsForGood(job, error)) await this.markFailed.execute({ job: intake, error: describeError(error) });
      throw error;
    }
  }

  private async accept(job: IntakeAcceptedJob): Promise<Settled | null> {
    if (isCancelJob(job)) return this.cancel.execute(job);
    if (!isStateJob(job)) throw new Error(`Unknown event type ${job.event.type}`);
    return job.event.type === 'order.created' ? this.create.execute(job) : this.change.execute(job);
  }
}
