import { Injectable } from '@nestjs/common';
import type { QuotedJob, QuoteResult } from '@portal/contracts';
import { ClientDirectory } from '../clients/client-directory';
import { OrderLedger, Settled } from '../ledger/order-ledger';
import { intakeClient } from './create-order.use-case';
import { afterQuote, decideQuotedChange, sourceTime, type StateJob } from './intake-state';
import { newOrder } from './new-order';

export interface SettleQuoteCommand {
  quoted: QuotedJob;
  /** The quoted event: a create or an update. */
  job: StateJob;
  /** Quoting's answer, or null when it failed for good. */
  answer: QuoteResult | null;
}

/**
 * A PENDING event once quoting answered: a create placed or made a Draft, a change applied or
 * refused (null: already settled).
 */
@Injectable()
export class SettleQuoteUseCase {
  constructor(
    private readonly clients: ClientDirectory,
    private readonly ledger: OrderLedger,
  ) {}

  async execute({ quoted, job, answer }: SettleQuoteCommand): Promise<Settled | null> {
    const client = await intakeClient(this.clients, job.clientId);
    const changeAt = sourceTime(job, client.timezone);
    if (quoted.name === 'order.quoted') {
      return this.ledger.settleQuoted(job.eventId, newOrder(job, quoted.order, afterQuote(answer), changeAt, quoted.orderId));
    }
    // The order as the change would make it, as it was quoted; it takes the quoted id if it builds the order.
    const candidate = { ...quoted.order, externalOrderId: job.event.order.externalId, reference: job.event.order.reference ?? null, notes: job.event.order.notes ?? null, newId: quoted.orderId };
    return this.ledger.changeOrder(job, 'pending', (state) => decideQuotedChange(state, job, candidate, answer, changeAt));
  }
}
