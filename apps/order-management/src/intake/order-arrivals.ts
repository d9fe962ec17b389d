import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Order } from '../entities/order.entity';

/**
 * When an order first arrived: its Ready By when it has no window (PRODUCT 1.2), which a later
 * change must not move to the change's own arrival. Read without a lock: it never changes once the
 * order exists.
 */
@Injectable()
export class OrderArrivals {
  constructor(private readonly em: EntityManager) {}

  /** The arrival of this connection's order for the store order, or null while there is none. */
  async of(connectionId: string, externalOrderId: string): Promise<Date | null> {
    const order = await this.em.fork().findOne(Order, { connectionId, externalOrderId }, { fields: ['receivedAt'] });
    return order?.receivedAt ?? null;
  }
}
