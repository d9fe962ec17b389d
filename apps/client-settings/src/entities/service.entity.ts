import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { CreateService } from '@portal/contracts';

export type ServiceDefinition = Omit<CreateService, 'code' | 'name'>;

/** When and where a courier delivers: the definition is stored whole, as validated by its contract. */
@Entity({ tableName: 'services' })
export class ServiceRecord {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'deletedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
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
