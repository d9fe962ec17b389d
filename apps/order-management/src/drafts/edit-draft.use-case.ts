import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Order, UpdateDraft } from '@portal/contracts';
import { notFound, Principal } from '@portal/service-kit';
import { ClientDirectory } from '../clients/client-directory';
import { OrderLedger } from '../ledger/order-ledger';
import { toOrderView } from '../orders/order-view';
import { QuoteClient } from '../quote-client/quote-client';
import { applyDraftPatch, draftChanges } from './draft-patch';
import { changedMeanwhile, findDraft } from './find-draft';

export interface EditDraftCommand {
  principal: Principal;
  orderId: string;
  patch: UpdateDraft;
}

/** A person adds what a draft lacks; its reasons are recomputed by quoting it again (PRODUCT 1.4). */
@Injectable()
export class EditDraftUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly clients: ClientDirectory,
    private readonly quotes: QuoteClient,
    private readonly ledger: OrderLedger,
  ) {}

  async execute({ principal, orderId, patch }: EditDraftCommand): Promise<Order> {
    const draft = await findDraft(this.em, principal, orderId);
    const client = await this.clients.get(draft.clientId);
    if (!client) throw notFound('Client');
    const edited = applyDraftPatch(draft, patch, client.timezone);
    edited.draftReasons = (await this.quotes.quoteOrder(edited)).draftReasons;
    if (!(await this.ledger.editDraft(draft, edited, draftChanges(draft, edited)))) throw changedMeanwhile();
    return toOrderView(edited);
  }
}
