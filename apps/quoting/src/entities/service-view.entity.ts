import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { Service } from '@portal/contracts';

/** Quoting's copy of a courier's service, as client settings last published it. */
@Entity({ tableName: 'services' })
@Index({ properties: ['courierId'] })
export class ServiceView {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  courierId!: string;

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'json' })
  body!: Service;

  @Property({ type: 'boolean' })
  deleted!: boolean;

  @Property({ type: 'bigint', columnType: 'bigint' })
  version!: string;
}
