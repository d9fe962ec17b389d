import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** Only the SHA-256 of a key is stored; the key itself is shown once, when issued. */
@Entity({ tableName: 'api_keys' })
export class ApiKey {
  [OptionalProps]?: 'createdAt' | 'clientId' | 'revokedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Unique()
  @Property({ type: 'text' })
  keyHash!: string;

  @Property({ type: 'uuid' })
  courierId!: string;

  @Property({ type: 'uuid', nullable: true })
  clientId: string | null = null;

  @Property({ type: 'bigint', columnType: 'bigint' })
  version!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
