import { Processor } from '@nestjs/bullmq';
import { QueueNames, QuoteRequestedJobSchema, QuoteResult } from '@portal/contracts';
import { LoggedWorkerHost, parseJob, WORKER_OPTIONS } from '@portal/messaging';
import type { Job } from 'bullmq';
import { QuoteOrder } from './quote-order.use-case';

/**
 * Answers quote requests; the answer is the job's return value, read by order management either
 * as the child of a flow (intake) or by waiting on the job (HTTP previews and finalisation).
 */
@Processor(QueueNames.quoteRequests, WORKER_OPTIONS[QueueNames.quoteRequests])
export class QuoteRequestsProcessor extends LoggedWorkerHost {
  constructor(private readonly quote: QuoteOrder) {
    super();
  }

  async process(job: Job): Promise<QuoteResult> {
    const request = parseJob(QuoteRequestedJobSchema, job.data, job.name);
    const result = await this.quote.execute(request);
    this.logger.log({ correlationId: request.correlationId, pick: result.pick?.code ?? null, draftReasons: result.draftReasons.map((r) => r.code) }, 'Quoted');
    return result;
  }
}
