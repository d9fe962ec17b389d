import { Migration } from '@mikro-orm/migrations';
import { CREATE_OUTBOX_SQL } from '@portal/messaging';

export class InitialGateway extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "connections" ("id" uuid not null primary key, "client_id" uuid not null, "courier_id" uuid not null, "platform" text not null, "settings" jsonb not null, "secrets" jsonb not null, "deleted" boolean not null, "version" bigint not null);`);
    this.addSql(`create table "clients" ("id" uuid not null primary key, "courier_id" uuid not null, "timezone" text not null, "order_creation_enabled" boolean not null, "version" bigint not null);`);
    this.addSql(`create table "events" ("id" uuid not null primary key, "connection_id" uuid not null, "client_id" uuid not null, "platform" text not null, "external_event_id" text not null, "external_order_id" text not null, "headers" jsonb not null, "body" bytea not null, "received_at" timestamptz not null);`);
    this.addSql(`create unique index "events_connection_id_external_event_id_unique" on "events" ("connection_id", "external_event_id");`);
    this.addSql(`create unique index "events_connection_id_external_order_id_unique" on "events" ("connection_id", "external_order_id");`);
    for (const sql of CREATE_OUTBOX_SQL) this.addSql(sql);
  }
}
