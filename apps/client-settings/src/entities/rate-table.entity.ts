import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { CreateRateTable } from '@portal/contracts';
import { Courier } from './courier.entity';
import { references } from './references';

export type RateTableDefinition = Omit<CreateRateTable, 'name'>;

/** How much a courier charges: stored whole, as validated by its contract. */
@Entity({ tableName: 'rate_tables' })
export class RateTableRecord {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'deletedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(references('rate_tables', 'courier_id', () => Courier))
  courierId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'json' })
  definition!: RateTableDefinition;

  @Property({ type: 'bigint', columnType: 'bigint' })
  version!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
