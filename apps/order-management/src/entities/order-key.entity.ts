import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { OrderCancellation } from '@portal/contracts';

/**
 * One row per external order of a connection, written first by every event about it: the lock that
 * serialises its create, changes and cancellation, and the memory of a cancellation that arrived
 * before the order (the create that follows then creates nothing).
 */
@Entity({ tableName: 'order_keys' })
export class OrderKey {
  @PrimaryKey({ type: 'uuid' })
  connectionId!: string;

  @PrimaryKey({ type: 'text' })
  externalOrderId!: string;

  @Property({ type: 'uuid', nullable: true })
  orderId!: string | null;

  @Property({ type: 'json', nullable: true })
  cancellation!: OrderCancellation | null;
}
