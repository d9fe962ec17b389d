import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { CanonicalEventType, Platform } from '@portal/contracts';

/**
 * Every accepted delivery, stored before the gateway answers 2xx. The two unique keys are the
 * deduplication guarantee: the same event id is stored once per connection (for changes and
 * cancellations their own delivery key: Shopify's event id, WooCommerce's saved state), and so is
 * the create of one order of a connection (the business key: exactly one order per store order),
 * however many changes of it follow.
 */
@Entity({ tableName: 'events' })
@Unique({ properties: ['connectionId', 'externalEventId'] })
@Index({
  name: 'events_create_per_order_unique',
  expression: `create unique index "events_create_per_order_unique" on "events" ("connection_id", "external_order_id") where "event_type" = 'order.created'`,
})
export class StoredEvent {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  connectionId!: string;

  @Property({ type: 'uuid' })
  clientId!: string;

  @Property({ type: 'text' })
  platform!: Platform;

  @Property({ type: 'text' })
  externalEventId!: string;

  @Property({ type: 'text' })
  externalOrderId!: string;

  @Property({ type: 'text' })
  eventType!: CanonicalEventType;

  @Property({ type: 'json' })
  headers!: Record<string, string>;

  /** The raw bytes as received: what the signature covered, kept for audit and replay. */
  @Property({ type: 'blob', columnType: 'bytea' })
  body!: Buffer;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  receivedAt!: Date;
}
