import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { ServiceSelectionRule, Units } from '@portal/contracts';

/** Quoting's copy of what it needs of a client: where its windows are computed and how it picks. */
@Entity({ tableName: 'clients' })
export class ClientView {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  courierId!: string;

  @Property({ type: 'text' })
  timezone!: string;

  @Property({ type: 'text', default: 'kg' })
  units!: Units;

  @Property({ type: 'text', nullable: true })
  serviceSelectionRule!: ServiceSelectionRule | null;

  @Property({ type: 'bigint', columnType: 'bigint' })
  version!: string;
}
