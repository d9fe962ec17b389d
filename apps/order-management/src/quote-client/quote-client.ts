import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { QueueNames, QuotableOrder, QuoteRequestedJob, QuoteResult, QuoteResultSchema } from '@portal/contracts';
import { DEFAULT_JOB_OPTIONS, MESSAGING_OPTIONS, MessagingOptions, redisOptions } from '@portal/messaging';
import { AppError } from '@portal/service-kit';
import { ConnectionOptions, Queue, QueueEvents } from 'bullmq';

const ANSWER_WITHIN_MS = 10_000;

/**
 * Quotes for HTTP requests (previews, draft edits, finalisation): a person is waiting, so the
 * request waits for quoting's answer over BullMQ, bounded. Workers never use this (they use flows).
 */
@Injectable()
export class QuoteClient implements OnModuleDestroy {
  private readonly queue: Queue;
  private readonly events: QueueEvents;

  constructor(@Inject(MESSAGING_OPTIONS) options: MessagingOptions) {
    this.queue = new Queue(QueueNames.quoteRequests, { connection: redisOptions(options.redisUrl, 'producer') as ConnectionOptions, prefix: options.prefix });
    this.events = new QueueEvents(QueueNames.quoteRequests, { connection: redisOptions(options.redisUrl, 'worker') as ConnectionOptions, prefix: options.prefix });
  }

  async quote(request: { clientId: string; courierId: string; order: QuotableOrder; correlationId: string }): Promise<QuoteResult> {
    const data: QuoteRequestedJob = { v: 1, name: 'quote.requested', ...request };
    // Previews are not worth retrying for minutes: one attempt, and the answer removed once read.
    const job = await this.queue.add(data.name, data, { ...DEFAULT_JOB_OPTIONS, attempts: 1, removeOnComplete: { age: 60 } });
    try {
      return QuoteResultSchema.parse(await job.waitUntilFinished(this.events, ANSWER_WITHIN_MS));
    } catch (error) {
      throw new AppError(503, 'QUOTING_UNAVAILABLE', `Quoting did not answer in time; try again. (${(error as Error).message})`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.events.close(), this.queue.close()]);
  }
}
