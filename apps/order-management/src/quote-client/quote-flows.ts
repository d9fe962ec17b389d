import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { IntakeAcceptedJob, QueueNames, QuotableOrder } from '@portal/contracts';
import { bullJob, MESSAGING_OPTIONS, MessagingOptions, redisOptions } from '@portal/messaging';
import { ConnectionOptions, FlowProducer } from 'bullmq';

/**
 * Intake of a Rates and Services order: a BullMQ flow whose child asks quoting and whose parent,
 * run by order management once the answer exists, places the order or makes it a Draft. No worker
 * waits for quoting. Job ids derive from the event id, so adding the flow again is harmless.
 */
@Injectable()
export class QuoteFlows implements OnModuleDestroy {
  private readonly flows: FlowProducer;

  constructor(@Inject(MESSAGING_OPTIONS) options: MessagingOptions) {
    this.flows = new FlowProducer({ connection: redisOptions(options.redisUrl, 'worker') as ConnectionOptions, prefix: options.prefix });
  }

  async requestQuote(intake: IntakeAcceptedJob, order: QuotableOrder, orderId: string): Promise<void> {
    const parent = bullJob({ queue: QueueNames.quotedOrders, data: { v: 1, name: 'order.quoted', intake, order, orderId } });
    const child = bullJob({
      queue: QueueNames.quoteRequests,
      data: { v: 1, name: 'quote.requested', clientId: intake.clientId, courierId: intake.courierId, order, correlationId: intake.eventId },
    });
    await this.flows.add({
      ...parent,
      opts: { ...parent.opts, jobId: `quoted-${intake.eventId}` },
      // If quoting keeps failing, the parent still runs and makes a Draft saying so.
      children: [{ ...child, opts: { ...child.opts, jobId: `quote-${intake.eventId}`, ignoreDependencyOnFailure: true } }],
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.flows.close();
  }
}
