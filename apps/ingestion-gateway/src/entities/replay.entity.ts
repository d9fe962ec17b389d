import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A replay handed on to order management, claimed in the transaction that writes its intake job:
 * a replay job BullMQ delivers again finds its row and writes nothing more.
 */
@Entity({ tableName: 'replays' })
export class Replay {
  /** The replay's id: the new event log entry. */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The stored delivery read again. */
  @Property({ type: 'uuid' })
  deliveryId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  handedOnAt!: Date;
}
