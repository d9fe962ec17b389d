import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { ServiceSelectionRuleSchema, UnitsSchema, type PickupAddress, type ServiceSelectionRule, type Units } from '@portal/contracts';
import { Courier } from './courier.entity';
import { references } from './references';

@Entity({ tableName: 'clients' })
@Index({ properties: ['courierId', 'id'] })
export class Client {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'orderCreationEnabled' | 'serviceSelectionRule' | 'defaultPickup';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(references('clients', 'courier_id', () => Courier))
  courierId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  timezone!: string;

  @Enum({ items: [...UnitsSchema.options] })
  units!: Units;

  @Property({ type: 'json', nullable: true })
  defaultPickup: PickupAddress | null = null;

  @Property({ type: 'boolean' })
  orderCreationEnabled = false;

  @Enum({ items: [...ServiceSelectionRuleSchema.options], nullable: true })
  serviceSelectionRule: ServiceSelectionRule | null = null;

  /** From the change_version sequence: projections apply only newer versions. */
  @Property({ type: 'bigint', columnType: 'bigint' })
  version!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
