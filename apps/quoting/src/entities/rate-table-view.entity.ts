import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { RateTable } from '@portal/contracts';

/** Quoting's copy of a courier's rate table. */
@Entity({ tableName: 'rate_tables' })
export class RateTableView {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  courierId!: string;

  @Property({ type: 'json' })
  body!: RateTable;

  @Property({ type: 'boolean' })
  deleted!: boolean;

  @Property({ type: 'bigint', columnType: 'bigint' })
  version!: string;
}
