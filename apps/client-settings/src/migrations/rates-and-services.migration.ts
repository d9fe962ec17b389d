import { Migration } from '@mikro-orm/migrations';

export class RatesAndServices extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "services" ("id" uuid not null primary key, "courier_id" uuid not null references "couriers" ("id"), "code" text not null, "name" text not null, "definition" jsonb not null, "version" bigint not null, "deleted_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    // Codes are unique per courier among live services; a deleted service frees its code.
    this.addSql(`create unique index "services_courier_id_code_unique" on "services" ("courier_id", "code") where "deleted_at" is null;`);
    this.addSql(`create table "rate_tables" ("id" uuid not null primary key, "courier_id" uuid not null references "couriers" ("id"), "name" text not null, "definition" jsonb not null, "version" bigint not null, "deleted_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create table "client_services" ("client_id" uuid not null references "clients" ("id"), "service_id" uuid not null references "services" ("id"), "rate_table_id" uuid not null references "rate_tables" ("id"), primary key ("client_id", "service_id"));`);
    this.addSql(`create index "client_services_rate_table_id_index" on "client_services" ("rate_table_id");`);
    this.addSql(`create index "client_services_service_id_index" on "client_services" ("service_id");`);
  }
}
