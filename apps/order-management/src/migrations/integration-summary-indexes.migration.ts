import { Migration } from '@mikro-orm/migrations';

export class IntegrationSummaryIndexes extends Migration {
  override async up(): Promise<void> {
    // GET /v1/integration-summary reads per client of a courier: its clients, then for each one a
    // range of its events by time, its drafts, and its placed and cancelled orders changed since.
    this.addSql(`create index "clients_courier_id_index" on "clients" ("courier_id");`);
    this.addSql(`create index "integration_events_client_id_received_at_index" on "integration_events" ("client_id", "received_at");`);
    this.addSql(`create index "orders_client_id_status_updated_at_index" on "orders" ("client_id", "status", "updated_at");`);
  }
}
