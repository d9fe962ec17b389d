import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { IntegrationEventOutcome, Platform } from '@portal/contracts';

/** The integration event log: every delivery the gateway answered, and what became of it. */
@Entity({ tableName: 'integration_events' })
@Index({ properties: ['courierId', 'id'] })
@Index({ properties: ['clientId', 'id'] })
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
}
