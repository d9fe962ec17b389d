import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Order } from '@portal/contracts';
import type { Principal } from '@portal/service-kit';
import { OrderLedger } from '../ledger/order-ledger';
import { toOrderView } from '../orders/order-view';
import { changedMeanwhile, findDraft } from './find-draft';

export interface CancelDraftCommand {
  principal: Principal;
  orderId: string;
}

/** A draft nobody will finalise: CANCELLED, by the courier or the owning client. */
@Injectable()
export class CancelDraftUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly ledger: OrderLedger,
  ) {}

  async execute({ principal, orderId }: CancelDraftCommand): Promise<Order> {
    const cancelled = await this.ledger.cancelDraft(await findDraft(this.em, principal, orderId), principal.clientId === null ? 'courier' : 'client');
    if (!cancelled) throw changedMeanwhile();
    return toOrderView(cancelled);
  }
}
