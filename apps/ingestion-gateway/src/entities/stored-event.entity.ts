import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { Platform } from '@portal/contracts';

/**
 * Every accepted delivery, stored before the gateway answers 2xx. The two unique keys are the
 * deduplication guarantee: the same event id, or the same order of the same connection, is stored once.
 */
@Entity({ tableName: 'events' })
@Unique({ properties: ['connectionId', 'externalEventId'] })
@Unique({ properties: ['connectionId', 'externalOrderId'] })
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

  @Property({ type: 'json' })
  headers!: Record<string, string>;

  /** The raw bytes as received: what the signature covered, kept for audit and replay. */
  @Property({ type: 'blob', columnType: 'bytea' })
  body!: Buffer;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  receivedAt!: Date;
}
