import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { PickupAddress, ServiceSelectionRule } from '@portal/contracts';

/** Order management's copy of a client, fed by client settings' `client.changed` jobs. */
@Entity({ tableName: 'clients' })
@Index({ properties: ['courierId'] })
export class ClientView {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  courierId!: string;

  @Property({ type: 'text' })
  timezone!: string;

  @Property({ type: 'json', nullable: true })
  defaultPickup!: PickupAddress | null;

  @Property({ type: 'text', nullable: true })
  serviceSelectionRule!: ServiceSelectionRule | null;

  /** Orders of such a client are quoted, and become Drafts when they cannot be. */
  @Property({ type: 'boolean', default: false })
  usesRatesAndServices!: boolean;

  @Property({ type: 'bigint', columnType: 'bigint' })
  version!: string;
}
