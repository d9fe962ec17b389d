import { Migration } from '@mikro-orm/migrations';

export class Drafts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "orders" alter column "pickup" drop not null;`);
    this.addSql(`alter table "clients" add column "uses_rates_and_services" boolean not null default false;`);
    this.addSql(`create index "orders_status_index" on "orders" ("status");`);
  }
}
