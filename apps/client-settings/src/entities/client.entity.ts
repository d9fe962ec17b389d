import { Entity, OptionalProps, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { PickupAddress, ServiceSelectionRule, Units } from '@portal/contracts';

@Entity({ tableName: 'clients' })
@Index({ properties: ['courierId', 'id'] })
export class Client {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'orderCreationEnabled' | 'serviceSelectionRule' | 'defaultPickup';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  courierId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  timezone!: string;

  @Property({ type: 'text' })
  units!: Units;

  @Property({ type: 'json', nullable: true })
  defaultPickup: PickupAddress | null = null;

  @Property({ type: 'boolean' })
  orderCreationEnabled = false;

  @Property({ type: 'text', nullable: true })
  serviceSelectionRule: ServiceSelectionRule | null = null;

  /** From the change_version sequence: projections apply only newer versions. */
  @Property({ type: 'bigint', columnType: 'bigint' })
  version!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
