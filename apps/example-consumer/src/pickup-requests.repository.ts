import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { OrderCreatedEvent } from '@portal/contracts';
import { Pool } from 'pg';

export const DATABASE_POOL = Symbol('DATABASE_POOL');

/** Dispatch's own record of the pickups it was asked for, one row per order event. */
@Injectable()
export class PickupRequests implements OnModuleInit, OnModuleDestroy {
  constructor(@Inject(DATABASE_POOL) private readonly pool: Pool) {}

  // A real service runs migrations; the example creates its one table at start.
  async onModuleInit(): Promise<void> {
    await this.pool.query(`create table if not exists pickup_requests (
      event_id text primary key,
      order_id text not null,
      ready_by timestamptz not null,
      pickup_city text
    )`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }

  /**
   * Events arrive at least once: the event id is the primary key, so a repeat inserts nothing.
   * Returns false for a repeat. Do the work and record the id in one transaction, never check first.
   */
  async recordOnce(event: OrderCreatedEvent): Promise<boolean> {
    const result = await this.pool.query(
      'insert into pickup_requests (event_id, order_id, ready_by, pickup_city) values ($1, $2, $3, $4) on conflict (event_id) do nothing',
      [event.id, event.order.id, event.order.readyBy, event.order.pickup?.address.city ?? null],
    );
    return result.rowCount === 1;
  }

  async forOrder(orderId: string): Promise<{ eventId: string; pickupCity: string | null }[]> {
    const result = await this.pool.query<{ event_id: string; pickup_city: string | null }>(
      'select event_id, pickup_city from pickup_requests where order_id = $1',
      [orderId],
    );
    return result.rows.map((row) => ({ eventId: row.event_id, pickupCity: row.pickup_city }));
  }
}
