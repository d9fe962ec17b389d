import { Injectable } from '@nestjs/common';
import type { DraftableOrder } from '@portal/order-domain';
import { v7 as uuidv7 } from 'uuid';
import { ClientDirectory } from '../clients/client-directory';
import type { ClientView } from '../entities/client-view.entity';
import { OrderLedger, Settled } from '../ledger/order-ledger';
import { toQuotable } from '../quote-client/quotable';
import { QuoteFlows } from '../quote-client/quote-flows';
import { createStep, sourceTime, type StateJob } from './intake-state';
import { newOrder } from './new-order';

/** Thrown while client settings' copy of a client has not reached us yet: the job retries. */
export class ClientNotProjectedYet extends Error {}

/** The client an accepted event is for; until client settings' copy arrives the job retries. */
export async function intakeClient(clients: ClientDirectory, clientId: string): Promise<ClientView> {
  const client = await clients.get(clientId);
  if (!client) throw new ClientNotProjectedYet(`Client ${clientId} has not reached order management yet.`);
  return client;
}

const PENDING: Settled = { outcome: 'PENDING', orderId: null };

/**
 * A store's new order becomes exactly one order, taking the first step the state machine
 * (intake-state.ts) decides. Answers null when there is nothing (more) to do now.
 */
@Injectable()
export class CreateOrderUseCase {
  constructor(
    private readonly clients: ClientDirectory,
    private readonly ledger: OrderLedger,
    private readonly flows: QuoteFlows,
  ) {}

  async execute(job: StateJob): Promise<Settled | null> {
    const client = await intakeClient(this.clients, job.clientId);
    const step = createStep(job, client);
    switch (step.next) {
      case 'REJECTED':
        return this.ledger.rejectIntake(job, step.reason);
      case 'PENDING':
        if ((await this.ledger.claimForQuote(job)) === 'settled') return null;
        return this.requestQuote(job, step.order);
      case 'PLACED': {
        const settled = await this.ledger.placeIntake(job, newOrder(job, step.order, { status: 'PLACED', service: null }, sourceTime(job, client.timezone)));
        // An earlier attempt claimed it for quoting and the client has since lost its services:
        // finish that path (quoting then drafts or places it) rather than leave it PENDING for ever.
        if (settled === null && (await this.ledger.claimForQuote(job)) === 'pending') return this.requestQuote(job, step.order);
        return settled;
      }
    }
  }

  private async requestQuote(job: StateJob, order: DraftableOrder): Promise<Settled> {
    await this.flows.requestQuote(job, toQuotable(order), uuidv7());
    return PENDING;
  }
}
