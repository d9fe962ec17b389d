import { Processor } from '@nestjs/bullmq';
import { QueueNames, QuoteResultSchema } from '@portal/contracts';
import { describeError, failsForGood, LoggedWorkerHost, parseQueueJob, WORKER_OPTIONS } from '@portal/messaging';
import { UnrecoverableError, type Job } from 'bullmq';
import { isStateJob } from './intake-state';
import { intakeOutcomes } from './intake-metrics';
import { MarkIntakeFailedUseCase } from './mark-intake-failed.use-case';
import { SettleQuoteUseCase } from './settle-quote.use-case';

/** The parent of an intake quote flow, run once quoting answered: transport only. */
@Processor(QueueNames.quotedOrders, WORKER_OPTIONS[QueueNames.quotedOrders])
export class QuotedOrdersProcessor extends LoggedWorkerHost {
  constructor(
    private readonly settle: SettleQuoteUseCase,
    private readonly markFailed: MarkIntakeFailedUseCase,
  ) {
    super();
  }

  async process(job: Job): Promise<void> {
    const quoted = parseQueueJob(QueueNames.quotedOrders, job);
    const intake = quoted.intake;
    try {
      if (!isStateJob(intake)) throw new UnrecoverableError(`A quote was asked for a ${intake.event.type} event: only creates and updates are quoted.`);
      // The flow's only child is the quote; it is absent when quoting failed for good.
      const [answer] = Object.values(await job.getChildrenValues());
      const settled = await this.settle.execute({ quoted, job: intake, answer: answer === undefined ? null : QuoteResultSchema.parse(answer) });
      if (settled) intakeOutcomes.inc({ outcome: settled.outcome });
      this.logger.log({ eventId: intake.eventId, outcome: settled?.outcome ?? 'ALREADY_SETTLED', orderId: settled?.orderId ?? null }, 'Quoted integration event settled');
    } catch (error) {
      if (failsForGood(job, error)) await this.markFailed.execute({ job: intake, error: describeError(error) });
      throw error;
    }
  }
}
