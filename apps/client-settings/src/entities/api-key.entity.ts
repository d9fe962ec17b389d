import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Client } from './client.entity';
import { Courier } from './courier.entity';
import { references } from './references';

/** Only the SHA-256 of a key is stored; the key itself is shown once, when issued. */
@Entity({ tableName: 'api_keys' })
@Index({ properties: ['courierId', 'id'] })
export class ApiKey {
  [OptionalProps]?: 'createdAt' | 'clientId' | 'revokedAt' | 'lastUsedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  // The name PostgreSQL gave the inline `unique` of the initial migration.
  @Property({ type: 'text', unique: 'api_keys_key_hash_key' })
  keyHash!: string;

  @ManyToOne(references('api_keys', 'courier_id', () => Courier))
  courierId!: string;

  @ManyToOne({ ...references('api_keys', 'client_id', () => Client), nullable: true })
  clientId: string | null = null;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'bigint', columnType: 'bigint' })
  version!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  /** Written in batches from memory, never per request; not a settings change, so no version. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;
}
