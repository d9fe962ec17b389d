import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { QueueNames, QuotableOrder, type IntakeAcceptedJob, type QuotedJob } from '@portal/contracts';
import { bullConnection, bullJob, MESSAGING_OPTIONS, MessagingOptions } from '@portal/messaging';
import { FlowProducer } from 'bullmq';

/**
 * Quoting for intake, as BullMQ flows: the child asks quoting, and the parent, run by order
 * management once the answer exists, settles the event (places or drafts a new order, applies or
 * refuses a change). No worker waits for quoting. Job ids derive from the event id, so adding a
 * flow again is harmless.
 */
@Injectable()
export class QuoteFlows implements OnModuleDestroy {
  private readonly flows: FlowProducer;

  constructor(@Inject(MESSAGING_OPTIONS) options: MessagingOptions) {
    this.flows = new FlowProducer({ connection: bullConnection(options, 'worker'), prefix: options.prefix });
  }

  /** A new order, to place or make a Draft. */
  requestQuote(intake: IntakeAcceptedJob, order: QuotableOrder, orderId: string): Promise<void> {
    return this.add({ v: 1, name: 'order.quoted', intake, order, orderId });
  }

  /** A change to an order (or, for an update before its create, the order it builds). */
  requestChangeQuote(intake: IntakeAcceptedJob, order: QuotableOrder, orderId: string): Promise<void> {
    return this.add({ v: 1, name: 'order.change-quoted', intake, order, orderId });
  }

  private async add(data: QuotedJob): Promise<void> {
    const { intake, order } = data;
    const parent = bullJob({ queue: QueueNames.quotedOrders, data });
    const child = bullJob({
      queue: QueueNames.quoteRequests,
      data: { v: 1, name: 'quote.requested', clientId: intake.clientId, courierId: intake.courierId, order, correlationId: intake.eventId },
    });
    await this.flows.add({
      ...parent,
      opts: { ...parent.opts, jobId: `quoted-${intake.eventId}` },
      // If quoting keeps failing, the parent still runs and settles the event saying so.
      children: [{ ...child, opts: { ...child.opts, jobId: `quote-${intake.eventId}`, ignoreDependencyOnFailure: true } }],
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.flows.close();
  }
}
