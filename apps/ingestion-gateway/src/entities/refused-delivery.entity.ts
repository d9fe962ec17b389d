import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Platform } from '@portal/contracts';

/**
 * A verified delivery that was recorded without becoming an event (ignored, invalid, rejected,
 * integrations off), kept as it arrived so a courier can replay it once the cause is fixed. Its id
 * is the event log's id for it.
 */
@Entity({ tableName: 'refused_deliveries' })
export class RefusedDelivery {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  connectionId!: string;

  @Property({ type: 'uuid' })
  clientId!: string;

  @Property({ type: 'text' })
  platform!: Platform;

  @Property({ type: 'text', nullable: true })
  externalEventId!: string | null;

  @Property({ type: 'text', nullable: true })
  externalOrderId!: string | null;

  @Property({ type: 'json' })
  headers!: Record<string, string>;

  /** The raw bytes as received: what the signature covered. */
  @Property({ type: 'blob', columnType: 'bytea' })
  body!: Buffer;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  receivedAt!: Date;
}
