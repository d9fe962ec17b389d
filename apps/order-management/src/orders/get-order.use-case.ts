import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Order } from '@portal/contracts';
import type { Principal } from '@portal/service-kit';
import { findReachableOrder } from './find-order';
import { toOrderView } from './order-view';

export interface GetOrderCommand {
  principal: Principal;
  orderId: string;
}

@Injectable()
export class GetOrderUseCase {
  constructor(private readonly em: EntityManager) {}

  async execute({ principal, orderId }: GetOrderCommand): Promise<Order> {
    return toOrderView(await findReachableOrder(this.em, principal, orderId));
  }
}
