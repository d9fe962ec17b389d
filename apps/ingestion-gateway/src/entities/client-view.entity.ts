import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The gateway's copy of what it needs of a client, fed by `client.changed` jobs. */
@Entity({ tableName: 'clients' })
export class ClientView {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  courierId!: string;

  @Property({ type: 'text' })
  timezone!: string;

  @Property({ type: 'boolean' })
  orderCreationEnabled!: boolean;

  @Property({ type: 'bigint', columnType: 'bigint' })
  version!: string;
}
