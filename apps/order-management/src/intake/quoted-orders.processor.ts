import { Processor } from '@nestjs/bullmq';
import { OrderQuotedJobSchema, QueueNames, QuoteResultSchema } from '@portal/contracts';
import { LoggedWorkerHost, OutboxRelay, parseJob, WORKER_OPTIONS } from '@portal/messaging';
import type { Job } from 'bullmq';
import { OrderAnnouncements } from '../events/order-announcements';
import { chosenService } from '../quoting/quotable';
import { IntakeStore } from './intake-store';
import { newOrder, Placement } from './new-order';

const QUOTE_FAILED = {
  code: 'QUOTE_FAILED',
  message: 'Quoting could not answer for this order; finalise it to quote it again.',
};

/** The parent of an intake quote flow: runs once quoting answered, and places the order or drafts it. */
@Processor(QueueNames.quotedOrders, WORKER_OPTIONS[QueueNames.quotedOrders])
export class QuotedOrdersProcessor extends LoggedWorkerHost {
  constructor(
    private readonly store: IntakeStore,
    private readonly announcements: OrderAnnouncements,
    private readonly relay: OutboxRelay,
  ) {
    super();
  }

  async process(job: Job): Promise<void> {
    const quoted = parseJob(OrderQuotedJobSchema, job.data, job.name);
    const [answer] = Object.values(await job.getChildrenValues());
    const result = answer === undefined ? null : QuoteResultSchema.parse(answer);
    const service = result ? chosenService(result) : null;
    const placement: Placement =
      result && service ? { status: 'PLACED', service } : { status: 'DRAFT', draftReasons: result?.draftReasons.length ? result.draftReasons : [QUOTE_FAILED] };
    const order = newOrder(quoted.intake, quoted.order, placement, quoted.orderId);
    const settled = await this.store.settleQuoted(quoted.intake.eventId, order, this.announcements.for(order));
    if (settled) this.relay.nudge();
    this.logger.log({ eventId: quoted.intake.eventId, outcome: settled?.outcome ?? 'ALREADY_SETTLED', orderId: settled?.orderId ?? null }, 'Quoted integration event settled');
  }
}
