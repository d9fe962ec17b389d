import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Order } from '@portal/contracts';
import { Principal, unprocessable } from '@portal/service-kit';
import { OrderLedger } from '../ledger/order-ledger';
import { toOrderView } from '../orders/order-view';
import { chosenService } from '../quote-client/quotable';
import { QuoteClient } from '../quote-client/quote-client';
import { reasonDetails } from './draft-reason-paths';
import { changedMeanwhile, findDraft } from './find-draft';

export interface FinalizeDraftCommand {
  principal: Principal;
  orderId: string;
}

/**
 * Finalising re-quotes the draft and places it with the picked service, or answers 422 with the
 * reasons that remain (PRODUCT 1.4). Racing finalisations place it once; the others get 409.
 */
@Injectable()
export class FinalizeDraftUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly quotes: QuoteClient,
    private readonly ledger: OrderLedger,
  ) {}

  async execute({ principal, orderId }: FinalizeDraftCommand): Promise<Order> {
    const draft = await findDraft(this.em, principal, orderId);
    const result = await this.quotes.quoteOrder(draft);
    const service = chosenService(result);
    if (!service) {
      await this.ledger.noteDraftReasons(draft, result.draftReasons);
      throw unprocessable('DRAFT_NOT_QUOTABLE', 'The draft still cannot be quoted: fix the reasons in details, then finalise again.', reasonDetails(result.draftReasons));
    }
    const placed = await this.ledger.finalizeDraft(draft, service);
    if (!placed) throw changedMeanwhile();
    return toOrderView(placed);
  }
}
