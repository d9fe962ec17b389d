import { Migration } from '@mikro-orm/migrations';
import { CREATE_OUTBOX_SQL } from '@portal/messaging';

export class InitialClientSettings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create sequence "change_version";`);
    this.addSql(`create table "couriers" ("id" uuid not null primary key, "name" text not null, "created_at" timestamptz not null);`);
    this.addSql(`create table "clients" ("id" uuid not null primary key, "courier_id" uuid not null references "couriers" ("id"), "name" text not null, "timezone" text not null, "units" text not null check ("units" in ('kg', 'lb')), "default_pickup" jsonb null, "order_creation_enabled" boolean not null default false, "service_selection_rule" text null check ("service_selection_rule" in ('FASTEST', 'CHEAPEST')), "version" bigint not null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "clients_courier_id_id_index" on "clients" ("courier_id", "id");`);
    this.addSql(`create table "api_keys" ("id" uuid not null primary key, "key_hash" text not null unique, "courier_id" uuid not null references "couriers" ("id"), "client_id" uuid null references "clients" ("id"), "version" bigint not null, "revoked_at" timestamptz null, "created_at" timestamptz not null);`);
    this.addSql(`create table "connections" ("id" uuid not null primary key, "client_id" uuid not null references "clients" ("id"), "courier_id" uuid not null references "couriers" ("id"), "platform" text not null check ("platform" in ('shopify', 'woocommerce', 'generic')), "name" text null, "settings" jsonb not null, "signing_secret" text not null, "previous_secret" text null, "previous_secret_expires_at" timestamptz null, "version" bigint not null, "deleted_at" timestamptz null, "created_at" timestamptz not null);`);
    this.addSql(`create index "connections_client_id_id_index" on "connections" ("client_id", "id");`);
    for (const sql of CREATE_OUTBOX_SQL) this.addSql(sql);
  }
}
