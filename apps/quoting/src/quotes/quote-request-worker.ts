import { Injectable } from '@nestjs/common';
import { QuoteRequestedJobSchema, QuoteResult } from '@portal/contracts';
import { LoggedWorkerHost, parseJob } from '@portal/messaging';
import type { Job } from 'bullmq';
import { QuoteOrder } from './quote-order.use-case';

/**
 * Answers a quote request; the answer is the job's return value. Intake and people ask on queues
 * of their own (quote-requests.processor.ts, quote-previews.processor.ts), answered alike.
 * Injectable so its constructor's types are recorded for the subclasses, which add only their queue.
 */
@Injectable()
export abstract class QuoteRequestWorker extends LoggedWorkerHost {
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
