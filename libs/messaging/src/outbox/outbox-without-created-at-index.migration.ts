import { Migration } from '@mikro-orm/migrations';

/**
 * The relay takes outbox rows by id (UUIDv7, so write order) and the table holds only rows in
 * transit, so nothing reads an index on `created_at`: it was only written on every insert and
 * cleaned after every delete, on the hot path of every app with an outbox. Each app runs this after
 * its first migration, which created the index.
 */
export class OutboxWithoutCreatedAtIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists "outbox_created_at_index";`);
  }
}
