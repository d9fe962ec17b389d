import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Order management's copy of the API keys (hashes only), so its API authenticates on its own. */
@Entity({ tableName: 'api_keys' })
export class ApiKeyView {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  // The name PostgreSQL gave the inline `unique` of the initial migration.
  @Property({ type: 'text', unique: 'api_keys_key_hash_key' })
  keyHash!: string;

  @Property({ type: 'uuid' })
  courierId!: string;

  @Property({ type: 'uuid', nullable: true })
  clientId!: string | null;

  @Property({ type: 'boolean' })
  revoked!: boolean;

  @Property({ type: 'bigint', columnType: 'bigint' })
  version!: string;
}
