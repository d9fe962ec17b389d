import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { PlatformSchema, type ConnectionSettings, type Platform } from '@portal/contracts';
import { Client } from './client.entity';
import { Courier } from './courier.entity';
import { references } from './references';

@Entity({ tableName: 'connections' })
@Index({ properties: ['clientId', 'id'] })
export class Connection {
  [OptionalProps]?: 'createdAt' | 'name' | 'settings' | 'previousSecret' | 'previousSecretExpiresAt' | 'deletedAt' | 'lastDeliveryAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(references('connections', 'client_id', () => Client))
  clientId!: string;

  @ManyToOne(references('connections', 'courier_id', () => Courier))
  courierId!: string;

  @Enum({ items: [...PlatformSchema.options] })
  platform!: Platform;

  @Property({ type: 'text', nullable: true })
  name: string | null = null;

  @Property({ type: 'json' })
  settings: ConnectionSettings = {};

  /** Kept in clear: verifying an HMAC needs the key itself. */
  @Property({ type: 'text' })
  signingSecret!: string;

  @Property({ type: 'text', nullable: true })
  previousSecret: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null = null;

  @Property({ type: 'bigint', columnType: 'bigint' })
  version!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  /** The gateway's last verified delivery, applied in batches; not a settings change, so no version. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastDeliveryAt: Date | null = null;
}
