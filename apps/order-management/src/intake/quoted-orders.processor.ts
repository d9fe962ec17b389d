import { Processor } from '@nestjs/bullmq';
import { QueueNames, QuoteResultSchema } from '@portal/contracts';
import { LoggedWorkerHost, parseQueueJob, WORKER_OPTIONS } from '@portal/messaging';
import type { Job } from 'bullmq';
import { SettleQuoteUseCase } from './settle-quote.use-case';

/** The parent of an intake quote flow, run once quoting answered: transport only. */
@Processor(QueueNames.quotedOrders, WORKER_OPTIONS[QueueNames.quotedOrders])
export class QuotedOrdersProcessor extends LoggedWorkerHost {
  constructor(private readonly settle: SettleQuoteUseCase) {
    super();
  }

  async process(job: Job): Promise<void> {
    const quoted = parseQueueJob(QueueNames.quotedOrders, job);
    // The flow's only child is the quote; it is absent when quoting failed for good.
    const [answer] = Object.values(await job.getChildrenValues());
    const settled = await this.settle.execute({ quoted, answer: answer === undefined ? null : QuoteResultSchema.parse(answer) });
    this.logger.log({ eventId: quoted.intake.eventId, outcome: settled?.outcome ?? 'ALREADY_SETTLED', orderId: settled?.orderId ?? null }, 'Quoted integration event settled');
  }
}
