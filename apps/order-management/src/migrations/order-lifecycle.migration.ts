import { Migration } from '@mikro-orm/migrations';

export class OrderLifecycle extends Migration {
  override async up(): Promise<void> {
    // The source's time of the last change an order reflects, and who cancelled it (PRODUCT 1.5).
    this.addSql(`alter table "orders" add column "source_updated_at" timestamptz null, add column "cancellation" jsonb null;`);
    this.addSql(`alter table "integration_events" add column "reason_code" text null, add column "replay_of" uuid null, add column "event_type" text null, add column "delivery_id" uuid null, add column "replayed_at" timestamptz null;`);
    // One row per external order, created by whichever of its events comes first: creates, changes
    // and cancellations of one order serialise on it, and a cancellation seen before its order stays.
    this.addSql(`create table "order_keys" ("connection_id" uuid not null, "external_order_id" text not null, "order_id" uuid null, "cancellation" jsonb null, primary key ("connection_id", "external_order_id"));`);
    this.addSql(`insert into "order_keys" ("connection_id", "external_order_id", "order_id") select "connection_id", "external_order_id", "id" from "orders";`);
  }
}
