import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { ServiceAssignment } from '@portal/contracts';

/** A client's current (service, rate table) pairs; the id is the client's. */
@Entity({ tableName: 'client_services' })
export class ClientServicesView {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  courierId!: string;

  @Property({ type: 'json' })
  assignments!: ServiceAssignment[];

  @Property({ type: 'bigint', columnType: 'bigint' })
  version!: string;
}
