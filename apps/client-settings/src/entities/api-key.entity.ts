import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** Only the SHA-256 of a key is stored; the key itself is shown once, when issued. */
@Entity({ tableName: 'api_keys' })
@Index({ properties: ['courierId', 'id'] })
export class ApiKey {
  [OptionalProps]?: 'createdAt' | 'clientId' | 'revokedAt' | 'lastUsedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Unique()
  @Property({ type: 'text' })
  keyHash!: string;

  @Property({ type: 'uuid' })
  courierId!: string;

  @Property({ type: 'uuid', nullable: true })
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
