import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ClientDirectory } from '../clients/client-directory';
import { OrderLedger, Settled } from '../ledger/order-ledger';
import { toQuotable } from '../quote-client/quotable';
import { QuoteFlows } from '../quote-client/quote-flows';
import { intakeClient } from './create-order.use-case';
import { build, decideChange, sourceTime, type StateJob } from './intake-state';
import { OrderArrivals } from './order-arrivals';

/**
 * A store's update (PRODUCT 1.5): applied under the order's lock as the state machine decides;
 * for a Rates and Services client the change is quoted first (the event stays PENDING meanwhile)
 * and settled by SettleQuoteUseCase.
 */
@Injectable()
export class ChangeOrderUseCase {
  constructor(
    private readonly clients: ClientDirectory,
    private readonly ledger: OrderLedger,
    private readonly flows: QuoteFlows,
    private readonly arrivals: OrderArrivals,
  ) {}

  async execute(job: StateJob): Promise<Settled | null> {
    const client = await intakeClient(this.clients, job.clientId);
    // An order built meanwhile by its create takes this change's arrival as Ready By: at most the
    // moments between the two deliveries, and the next change puts it right.
    const arrived = await this.arrivals.of(job.connectionId, job.event.order.externalId);
    const candidate = build(job, client, arrived ?? undefined);
    if (!candidate.ok) return this.ledger.rejectIntake(job, candidate.reason);
    const changeAt = sourceTime(job, client.timezone);
    const order = { ...candidate.order, newId: uuidv7() };
    const settled = await this.ledger.changeOrder(job, 'new', (state) => decideChange(state, job, order, client, changeAt));
    if (settled?.outcome === 'PENDING') await this.flows.requestChangeQuote(job, toQuotable(order), settled.orderId ?? order.newId);
    return settled;
  }
}
