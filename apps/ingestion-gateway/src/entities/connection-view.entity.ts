import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { ConnectionSecret, ConnectionSettings, Platform } from '@portal/contracts';

/** The gateway's copy of a connection, fed by client settings' `connection.changed` jobs. */
@Entity({ tableName: 'connections' })
export class ConnectionView {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  clientId!: string;

  @Property({ type: 'uuid' })
  courierId!: string;

  @Property({ type: 'text' })
  platform!: Platform;

  @Property({ type: 'json' })
  settings!: ConnectionSettings;

  @Property({ type: 'json' })
  secrets!: ConnectionSecret[];

  @Property({ type: 'boolean' })
  deleted!: boolean;

  @Property({ type: 'bigint', columnType: 'bigint' })
  version!: string;
}
