import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { OrderStatusSchema, type OrderCancellation, type OrderService, type OrderStatus, type Platform, type Reason, type Task, type Weight } from '@portal/contracts';

/** One order per external order of a connection: the unique key is the deduplication guarantee. */
@Entity({ tableName: 'orders' })
@Unique({ properties: ['connectionId', 'externalOrderId'] })
@Index({ properties: ['courierId', 'id'] })
@Index({ properties: ['clientId', 'id'] })
@Index({ properties: ['status'] })
@Index({ properties: ['clientId', 'status', 'updatedAt'] })
export class Order {
  [OptionalProps]?: 'service' | 'draftReasons' | 'sourceUpdatedAt' | 'cancellation' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  clientId!: string;

  @Property({ type: 'uuid' })
  courierId!: string;

  @Enum({ items: [...OrderStatusSchema.options] })
  status!: OrderStatus;

  @Property({ type: 'uuid' })
  connectionId!: string;

  @Property({ type: 'text' })
  platform!: Platform;

  @Property({ type: 'text' })
  externalOrderId!: string;

  @Property({ type: 'text', nullable: true })
  reference!: string | null;

  @Property({ type: 'json', nullable: true })
  pickup!: Task | null;

  @Property({ type: 'json' })
  dropoff!: Task;

  /** When the gateway received the event: Ready By when the dropoff has no earliest completion time. */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  receivedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  readyBy!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  dueBy!: Date | null;

  @Property({ type: 'json', nullable: true })
  weight!: Weight | null;

  @Property({ type: 'integer', nullable: true })
  pieces!: number | null;

  @Property({ type: 'text', nullable: true })
  serviceCode!: string | null;

  @Property({ type: 'text', nullable: true })
  notes!: string | null;

  @Property({ type: 'json', nullable: true })
  service: OrderService | null = null;

  @Property({ type: 'json' })
  draftReasons: Reason[] = [];

  /** The source's time of the last change applied (PRODUCT 1.5): an older change is STALE. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  sourceUpdatedAt: Date | null = null;

  @Property({ type: 'json', nullable: true })
  cancellation: OrderCancellation | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
