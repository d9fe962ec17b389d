import { Injectable } from '@nestjs/common';
import type { OrderQuotedJob, QuoteResult } from '@portal/contracts';
import { OrderLedger, Settled } from '../ledger/order-ledger';
import { afterQuote } from './intake-state';
import { newOrder } from './new-order';

export interface SettleQuoteCommand {
  quoted: OrderQuotedJob;
  /** Quoting's answer, or null when it failed for good. */
  answer: QuoteResult | null;
}

/** A PENDING intake event once quoting answered: the order placed or made a Draft (null: already settled). */
@Injectable()
export class SettleQuoteUseCase {
  constructor(private readonly ledger: OrderLedger) {}

  execute({ quoted, answer }: SettleQuoteCommand): Promise<Settled | null> {
    const order = newOrder(quoted.intake, quoted.order, afterQuote(answer), quoted.orderId);
    return this.ledger.settleQuoted(quoted.intake.eventId, order);
  }
}
