import { Migration } from '@mikro-orm/migrations';

export class DeliveryLifecycle extends Migration {
  override async up(): Promise<void> {
    // Changes and cancellations of one order are many events: only its create is unique per order.
    // Every row stored before this was kept under the create's key, so each is marked a create and
    // nothing stored changes meaning.
    this.addSql(`alter table "events" add column "event_type" text not null default 'order.created';`);
    this.addSql(`alter table "events" alter column "event_type" drop default;`);
    this.addSql(`drop index "events_connection_id_external_order_id_unique";`);
    this.addSql(`create unique index "events_create_per_order_unique" on "events" ("connection_id", "external_order_id") where "event_type" = 'order.created';`);
    // Verified deliveries recorded without an event, kept for replays.
    this.addSql(`create table "refused_deliveries" ("id" uuid not null primary key, "connection_id" uuid not null, "client_id" uuid not null, "platform" text not null, "external_event_id" text null, "external_order_id" text null, "headers" jsonb not null, "body" bytea not null, "received_at" timestamptz not null);`);
    // One row per replay handed on: the claim that makes a redelivered replay job do nothing twice.
    this.addSql(`create table "replays" ("id" uuid not null primary key, "delivery_id" uuid not null, "handed_on_at" timestamptz not null);`);
  }
}
