import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { QueueNames, QuotableOrder, QuoteResult, QuoteResultSchema } from '@portal/contracts';
import { bullJob, closeRedis, MESSAGING_OPTIONS, MessagingOptions, PRODUCER_REDIS, redisClient } from '@portal/messaging';
import { AppError } from '@portal/service-kit';
import { Queue, QueueEvents } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import type { Order } from '../entities/order.entity';
import { toQuotable } from './quotable';

const ANSWER_WITHIN_MS = 10_000;

export interface QuoteRequest {
  clientId: string;
  courierId: string;
  order: QuotableOrder;
  correlationId: string;
}

/**
 * Quotes for HTTP requests (previews, draft edits, finalisation): a person is waiting, so the
 * request waits for quoting's answer over BullMQ, bounded. They go on quote-previews, not intake's
 * queue: a person's quote is never queued behind an intake backlog, and the completions read here
 * are people's only, not every intake quote's. Workers never use this (they use flows).
 */
@Injectable()
export class QuoteClient implements OnModuleDestroy {
  private readonly queue: Queue;
  private readonly events: QueueEvents;
  private readonly eventsRedis: Redis | Cluster;

  constructor(@Inject(MESSAGING_OPTIONS) options: MessagingOptions, @Inject(PRODUCER_REDIS) producer: Redis | Cluster) {
    // The app's fail-fast producer connection, which the messaging module closes even between
    // reconnect attempts; BullMQ's close of a connection of the queue's own leaves it retrying.
    this.queue = new Queue(QueueNames.quotePreviews, { connection: producer, prefix: options.prefix });
    // The completions are read on a connection of our own, so a stop can close it whatever its state.
    this.eventsRedis = redisClient(options, 'worker');
    this.events = new QueueEvents(QueueNames.quotePreviews, { connection: this.eventsRedis, prefix: options.prefix });
  }

  async quote(request: QuoteRequest): Promise<QuoteResult> {
    const { name, data, opts } = bullJob({ queue: QueueNames.quotePreviews, data: { v: 1, name: 'quote.requested', ...request } });
    // Previews are not worth retrying for minutes: one attempt, and the answer removed once read.
    const job = await this.queue.add(name, data, { ...opts, attempts: 1, removeOnComplete: { age: 60 } });
    try {
      return QuoteResultSchema.parse(await job.waitUntilFinished(this.events, ANSWER_WITHIN_MS));
    } catch (error) {
      throw new AppError(503, 'QUOTING_UNAVAILABLE', `Quoting did not answer in time; try again. (${(error as Error).message})`);
    }
  }

  /** A stored order (a draft being edited or finalised) quoted as it stands. */
  quoteOrder(order: Order): Promise<QuoteResult> {
    return this.quote({ clientId: order.clientId, courierId: order.courierId, order: toQuotable(order), correlationId: order.id });
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.closeEvents(), this.queue.close()]);
  }

  /**
   * bullmq 6.7's QueueEvents.close waits for its connection's 'end', which a client between
   * reconnect attempts (Redis down) never emits: the app would not stop until Redis came back.
   * Awaited only on a live connection; otherwise it is only started (so its reader stops) and the
   * connection is stopped from retrying, which leaves nothing running.
   */
  private async closeEvents(): Promise<void> {
    const closing = this.events.close();
    if (this.eventsRedis.status === 'ready') await closing;
    else void closing.catch(() => undefined);
    await closeRedis(this.eventsRedis);
  }
}
