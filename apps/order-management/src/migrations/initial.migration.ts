import { Migration } from '@mikro-orm/migrations';
import { CREATE_OUTBOX_SQL } from '@portal/messaging';

export class InitialOrderManagement extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "clients" ("id" uuid not null primary key, "courier_id" uuid not null, "timezone" text not null, "default_pickup" jsonb null, "service_selection_rule" text null, "version" bigint not null);`);
    this.addSql(`create table "api_keys" ("id" uuid not null primary key, "key_hash" text not null unique, "courier_id" uuid not null, "client_id" uuid null, "revoked" boolean not null, "version" bigint not null);`);
    this.addSql(`create table "orders" ("id" uuid not null primary key, "client_id" uuid not null, "courier_id" uuid not null, "status" text not null check ("status" in ('DRAFT', 'PLACED', 'CANCELLED')), "connection_id" uuid not null, "platform" text not null, "external_order_id" text not null, "reference" text null, "pickup" jsonb not null, "dropoff" jsonb not null, "ready_by" timestamptz not null, "due_by" timestamptz null, "weight" jsonb null, "pieces" integer null, "service_code" text null, "notes" text null, "service" jsonb null, "draft_reasons" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create unique index "orders_connection_id_external_order_id_unique" on "orders" ("connection_id", "external_order_id");`);
    this.addSql(`create index "orders_courier_id_id_index" on "orders" ("courier_id", "id");`);
    this.addSql(`create index "orders_client_id_id_index" on "orders" ("client_id", "id");`);
    this.addSql(`create table "integration_events" ("id" uuid not null primary key, "connection_id" uuid not null, "client_id" uuid not null, "courier_id" uuid not null, "platform" text not null, "external_event_id" text null, "external_order_id" text null, "received_at" timestamptz not null, "outcome" text not null, "order_id" uuid null, "reason" text null);`);
    this.addSql(`create index "integration_events_courier_id_id_index" on "integration_events" ("courier_id", "id");`);
    this.addSql(`create index "integration_events_client_id_id_index" on "integration_events" ("client_id", "id");`);
    for (const sql of CREATE_OUTBOX_SQL) this.addSql(sql);
  }
}
