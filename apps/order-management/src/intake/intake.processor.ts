import { Processor } from '@nestjs/bullmq';
import { QueueNames } from '@portal/contracts';
import { LoggedWorkerHost, parseQueueJob, WORKER_OPTIONS } from '@portal/messaging';
import type { Job } from 'bullmq';
import { Counter } from 'prom-client';
import { AcceptIntegrationEventUseCase } from './accept-integration-event.use-case';
import { RecordIntegrationEventUseCase } from './record-integration-event.use-case';

const outcomes = new Counter({ name: 'intake_events_total', help: 'Integration events processed, by outcome.', labelNames: ['outcome'] });

/** Transport only: reads the job against its contract and hands it to the use case. */
@Processor(QueueNames.orderIntake, WORKER_OPTIONS[QueueNames.orderIntake])
export class IntakeProcessor extends LoggedWorkerHost {
  constructor(
    private readonly accept: AcceptIntegrationEventUseCase,
    private readonly record: RecordIntegrationEventUseCase,
  ) {
    super();
  }

  async process(job: Job): Promise<void> {
    const intake = parseQueueJob(QueueNames.orderIntake, job);
    if (intake.name === 'integration-event.recorded') {
      await this.record.execute(intake);
      outcomes.inc({ outcome: intake.outcome });
      this.logger.log({ eventId: intake.eventId, outcome: intake.outcome }, 'Integration event recorded');
      return;
    }
    const result = await this.accept.execute(intake);
    if (!result) {
      this.logger.log({ eventId: intake.eventId }, 'Integration event already processed; repeat ignored');
      return;
    }
    outcomes.inc({ outcome: result.outcome });
    this.logger.log({ eventId: intake.eventId, outcome: result.outcome, orderId: result.orderId }, 'Integration event processed');
  }
}
