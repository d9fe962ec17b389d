import { Injectable } from '@nestjs/common';
import type { IntakeAcceptedJob } from '@portal/contracts';
import { OutboxRelay } from '@portal/messaging';
import { buildDraftableOrder, buildOrder } from '@portal/order-domain';
import { v7 as uuidv7 } from 'uuid';
import { OrderAnnouncements } from '../events/order-announcements';
import { QuoteFlows } from '../quoting/quote-flows';
import { toQuotable } from '../quoting/quotable';
import { ClientDirectory } from './client-directory';
import { IntakeStore, Settled } from './intake-store';
import { newOrder } from './new-order';

/** Thrown while client settings' copy of a client has not reached us yet: the job retries. */
export class ClientNotProjectedYet extends Error {}

/**
 * Turns an accepted integration event into exactly one order. Clients without Rates and Services:
 * placed at once, atomically with its log entry and `order.created`. Clients with them: the event
 * is claimed as PENDING and quoted in a flow; QuotedOrderSettlement finishes it. Answers null when
 * there is nothing (more) to do now.
 */
@Injectable()
export class AcceptIntegrationEvent {
  constructor(
    private readonly clients: ClientDirectory,
    private readonly store: IntakeStore,
    private readonly flows: QuoteFlows,
    private readonly announcements: OrderAnnouncements,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(job: IntakeAcceptedJob): Promise<Settled | null> {
    const client = await this.clients.get(job.clientId);
    if (!client) throw new ClientNotProjectedYet(`Client ${job.clientId} has not reached order management yet.`);
    const input = { order: job.event.order, client, receivedAt: new Date(job.receivedAt) };

    if (client.usesRatesAndServices) {
      // A missing pickup does not stop a Draft: quoting reports it as a reason a person can fix.
      const built = buildDraftableOrder(input);
      if (!built.ok) return this.store.reject(job, built.reason.message);
      if ((await this.store.claimPending(job)) === 'settled') return null;
      await this.flows.requestQuote(job, toQuotable(built.order), uuidv7());
      return { outcome: 'PENDING', orderId: null };
    }

    const built = buildOrder(input);
    if (!built.ok) return this.store.reject(job, built.reason.message);
    const order = newOrder(job, built.order, { status: 'PLACED', service: null });
    const settled = await this.store.place(job, order, this.announcements.for(order));
    if (settled?.outcome === 'PLACED') this.relay.nudge();
    if (settled === null && (await this.store.claimPending(job)) === 'pending') {
      // An earlier attempt claimed it for quoting, and the client has since lost its services: finish
      // that path rather than leave the event pending for ever (quoting then drafts or places it).
      await this.flows.requestQuote(job, toQuotable(built.order), uuidv7());
      return { outcome: 'PENDING', orderId: null };
    }
    return settled;
  }
}
