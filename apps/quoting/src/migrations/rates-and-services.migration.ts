import { Migration } from '@mikro-orm/migrations';

export class QuotingRatesAndServices extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "clients" add column "units" text not null default 'kg';`);
    this.addSql(`create table "services" ("id" uuid not null primary key, "courier_id" uuid not null, "code" text not null, "body" jsonb not null, "deleted" boolean not null, "version" bigint not null);`);
    this.addSql(`create index "services_courier_id_index" on "services" ("courier_id");`);
    this.addSql(`create table "rate_tables" ("id" uuid not null primary key, "courier_id" uuid not null, "body" jsonb not null, "deleted" boolean not null, "version" bigint not null);`);
    this.addSql(`create table "client_services" ("id" uuid not null primary key, "courier_id" uuid not null, "assignments" jsonb not null, "version" bigint not null);`);
  }
}
