import { Migration } from '@mikro-orm/migrations';

export class InitialQuoting extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "clients" ("id" uuid not null primary key, "courier_id" uuid not null, "timezone" text not null, "service_selection_rule" text null, "version" bigint not null);`);
  }
}
