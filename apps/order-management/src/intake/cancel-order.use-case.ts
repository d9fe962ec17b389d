import { Injectable } from '@nestjs/common';
import { ClientDirectory } from '../clients/client-directory';
import { OrderLedger, Settled } from '../ledger/order-ledger';
import { intakeClient } from './create-order.use-case';
import { decideCancellation, sourceTime, type CancelJob } from './intake-state';

/** A store's cancellation (PRODUCT 1.5): the order CANCELLED, or the cancellation remembered for a create to come. */
@Injectable()
export class CancelOrderUseCase {
  constructor(
    private readonly clients: ClientDirectory,
    private readonly ledger: OrderLedger,
  ) {}

  async execute(job: CancelJob): Promise<Settled | null> {
    const client = await intakeClient(this.clients, job.clientId);
    const changeAt = sourceTime(job, client.timezone);
    return this.ledger.changeOrder(job, 'new', (state) => decideCancellation(state, job, changeAt));
  }
}
