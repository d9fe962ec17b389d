import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { CanonicalEventType, IntegrationEventOutcome, Platform } from '@portal/contracts';

/** The integration event log: every delivery the gateway answered, and what became of it. */
@Entity({ tableName: 'integration_events' })
@Index({ properties: ['courierId', 'id'] })
@Index({ properties: ['clientId', 'id'] })
@Index({ properties: ['clientId', 'receivedAt'] })
export class IntegrationEventRecord {
  /** The gateway's event id: processing a delivery twice finds this row and stops. */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  connectionId!: string;

  @Property({ type: 'uuid' })
  clientId!: string;

  @Property({ type: 'uuid' })
  courierId!: string;

  @Property({ type: 'text' })
  platform!: Platform;

  @Property({ type: 'text', nullable: true })
  externalEventId!: string | null;

  @Property({ type: 'text', nullable: true })
  externalOrderId!: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  receivedAt!: Date;

  @Property({ type: 'text' })
  outcome!: IntegrationEventOutcome;

  @Property({ type: 'uuid', nullable: true })
  orderId!: string | null;

  @Property({ type: 'text', nullable: true })
  reason!: string | null;

  @Property({ type: 'text', nullable: true })
  reasonCode: string | null = null;

  /** The log entry this one replays. */
  @Property({ type: 'uuid', nullable: true })
  replayOf: string | null = null;

  @Property({ type: 'text', nullable: true })
  eventType: CanonicalEventType | null = null;

  /** The gateway's stored delivery this event was read from (replays read it again). */
  @Property({ type: 'uuid', nullable: true })
  deliveryId: string | null = null;

  /** When a courier asked to replay it: a bulk replay takes only events not replayed yet. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  replayedAt: Date | null = null;
}
