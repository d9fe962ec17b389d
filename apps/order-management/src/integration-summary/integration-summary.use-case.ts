import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { INTEGRATION_SUMMARY_DEFAULT_HOURS, INTEGRATION_SUMMARY_MAX_CLIENTS, type IntegrationSummary, type IntegrationSummaryQuery } from '@portal/contracts';
import type { Principal } from '@portal/service-kit';
import { SCHEMA } from '../schema';
import { tenantScope } from '../tenant-filter';

export interface IntegrationSummaryCommand {
  principal: Principal;
  query: IntegrationSummaryQuery;
}

interface SummaryRow {
  client_id: string;
  orders_placed: number;
  orders_cancelled: number;
  drafts_waiting: number;
  events_received: number;
  events_rejected: number;
  events_failed: number;
  events_ignored: number;
  /** Milliseconds since the epoch: MikroORM hands timestamptz over as PostgreSQL's text, a number needs no parsing. */
  last_event_ms: number | null;
}

/**
 * One statement, read per client of the tenant so that every part is an index range that `since`
 * bounds (migration IntegrationSummaryIndexes), never a client's whole history: its events since,
 * its newest event, its drafts, and its placed and cancelled orders changed since. A placed or
 * cancelled order's `updated_at` is never earlier than its creation or its cancellation, so
 * `updated_at >= since` finds all the orders counted and the exact rule then picks them.
 */
const SUMMARY_SQL = (oneClient: boolean): string => `
  with tenant as (
    select "id" from "${SCHEMA}"."clients" where "courier_id" = ? ${oneClient ? `and "id" = ?` : ''}
  ), recent_events as (
    select e."client_id",
      count(*)::int as "events_received",
      count(*) filter (where e."outcome" = 'REJECTED')::int as "events_rejected",
      count(*) filter (where e."outcome" = 'FAILED')::int as "events_failed",
      count(*) filter (where e."outcome" = 'IGNORED')::int as "events_ignored"
    from tenant t join "${SCHEMA}"."integration_events" e on e."client_id" = t."id" and e."received_at" >= ?
    group by e."client_id"
  ), counted_orders as (
    select o."client_id", 'draft' as "kind" from tenant t join "${SCHEMA}"."orders" o
      on o."client_id" = t."id" and o."status" = 'DRAFT'
    union all
    select o."client_id", 'placed' from tenant t join "${SCHEMA}"."orders" o
      on o."client_id" = t."id" and o."status" = 'PLACED' and o."updated_at" >= ? and o."created_at" >= ?
    union all
    select o."client_id", 'cancelled' from tenant t join "${SCHEMA}"."orders" o
      on o."client_id" = t."id" and o."status" = 'CANCELLED' and o."updated_at" >= ? and (o."cancellation"->>'at')::timestamptz >= ?
  ), order_counts as (
    select "client_id",
      count(*) filter (where "kind" = 'placed')::int as "orders_placed",
      count(*) filter (where "kind" = 'cancelled')::int as "orders_cancelled",
      count(*) filter (where "kind" = 'draft')::int as "drafts_waiting"
    from counted_orders group by "client_id"
  )
  select t."id" as "client_id",
    coalesce(oc."orders_placed", 0) as "orders_placed",
    coalesce(oc."orders_cancelled", 0) as "orders_cancelled",
    coalesce(oc."drafts_waiting", 0) as "drafts_waiting",
    coalesce(re."events_received", 0) as "events_received",
    coalesce(re."events_rejected", 0) as "events_rejected",
    coalesce(re."events_failed", 0) as "events_failed",
    coalesce(re."events_ignored", 0) as "events_ignored",
    (extract(epoch from latest."received_at") * 1000)::float8 as "last_event_ms"
  from tenant t
  left join recent_events re on re."client_id" = t."id"
  left join order_counts oc on oc."client_id" = t."id"
  cross join lateral (select max(l."received_at") as "received_at" from "${SCHEMA}"."integration_events" l where l."client_id" = t."id") latest
  where latest."received_at" is not null or exists (select 1 from "${SCHEMA}"."orders" x where x."client_id" = t."id")
  order by t."id"
  limit ${INTEGRATION_SUMMARY_MAX_CLIENTS}`;

const HOUR_MS = 60 * 60 * 1000;

/** How each client's integrations are doing since `since`, for every client of the tenant that ever had an order or an event. */
@Injectable()
export class IntegrationSummaryUseCase {
  constructor(private readonly em: EntityManager) {}

  async execute({ principal, query }: IntegrationSummaryCommand): Promise<IntegrationSummary> {
    const since = query.since ? new Date(query.since) : new Date(Date.now() - INTEGRATION_SUMMARY_DEFAULT_HOURS * HOUR_MS);
    const scope = tenantScope(principal, query.clientId);
    if (scope === null) return { since: since.toISOString(), clients: [] };
    const tenant = scope.clientId === null ? [scope.courierId] : [scope.courierId, scope.clientId];
    const rows = await this.em.fork().execute<SummaryRow[]>(SUMMARY_SQL(scope.clientId !== null), [...tenant, since, since, since, since, since]);
    return {
      since: since.toISOString(),
      clients: rows.map((r) => ({
        clientId: r.client_id,
        ordersPlaced: r.orders_placed,
        ordersCancelled: r.orders_cancelled,
        draftsWaiting: r.drafts_waiting,
        eventsReceived: r.events_received,
        eventsRejected: r.events_rejected,
        eventsFailed: r.events_failed,
        eventsIgnored: r.events_ignored,
        lastEventAt: r.last_event_ms === null ? null : new Date(r.last_event_ms).toISOString(),
      })),
    };
  }
}
