import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A message to put on a queue, written in the same transaction as the state change it announces
 * (ARCHITECTURE 3). The relay moves rows to BullMQ and deletes them; the row id becomes the job id.
 */
@Entity({ tableName: 'outbox' })
export class OutboxMessage {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  queue!: string;

  @Property({ type: 'text' })
  jobName!: string;

  @Property({ type: 'json' })
  payload!: unknown;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
