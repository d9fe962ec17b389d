import { Migration } from '@mikro-orm/migrations';

/** Keys get a name and a last use; connections their last verified delivery (PRODUCT 2.1). */
export class ApiKeyNamesAndActivity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "api_keys" add column "name" text null, add column "last_used_at" timestamptz null;`);
    this.addSql(`update "api_keys" set "name" = case when "client_id" is null then 'Courier key' else 'Client key' end;`);
    this.addSql(`alter table "api_keys" alter column "name" set not null;`);
    // Lists read a courier's keys newest first; revocation counts a courier's active courier keys.
    this.addSql(`create index "api_keys_courier_id_id_index" on "api_keys" ("courier_id", "id");`);
    this.addSql(`alter table "connections" add column "last_delivery_at" timestamptz null;`);
  }
}
