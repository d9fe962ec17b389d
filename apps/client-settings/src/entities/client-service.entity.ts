import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One (service, rate table) pair assigned to a client. */
@Entity({ tableName: 'client_services' })
export class ClientServiceRecord {
  @PrimaryKey({ type: 'uuid' })
  clientId!: string;

  @PrimaryKey({ type: 'uuid' })
  serviceId!: string;

  @Property({ type: 'uuid' })
  rateTableId!: string;
}
