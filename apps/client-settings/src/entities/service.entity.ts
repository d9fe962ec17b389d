import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { CreateService } from '@portal/contracts';
import { Courier } from './courier.entity';
import { references } from './references';

export type ServiceDefinition = Omit<CreateService, 'code' | 'name'>;

/** When and where a courier delivers: the definition is stored whole, as validated by its contract. */
@Entity({ tableName: 'services' })
// Codes are unique per courier among live services only: a deleted service frees its code.
@Index({
  name: 'services_courier_id_code_unique',
  expression: 'create unique index "services_courier_id_code_unique" on "services" ("courier_id", "code") where "deleted_at" is null',
})
export class ServiceRecord {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'deletedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(references('services', 'courier_id', () => Courier))
  courierId!: string;

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'json' })
  definition!: ServiceDefinition;

  @Property({ type: 'bigint', columnType: 'bigint' })
  version!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
