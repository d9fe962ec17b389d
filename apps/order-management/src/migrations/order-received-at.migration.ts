import { Migration } from '@mikro-orm/migrations';

export class OrderReceivedAt extends Migration {
  override async up(): Promise<void> {
    // When the gateway received the event: Ready By when the dropoff gives no earliest time, also after edits.
    this.addSql(`alter table "orders" add column "received_at" timestamptz null;`);
    this.addSql(`update "orders" set "received_at" = "created_at" where "received_at" is null;`);
    this.addSql(`alter table "orders" alter column "received_at" set not null;`);
  }
}
