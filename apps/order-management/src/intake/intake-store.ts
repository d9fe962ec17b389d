import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { IntakeAcceptedJob, IntegrationEventOutcome } from '@portal/contracts';
import { outboxInsertFromJson, outboxRowsJson, type OutgoingJob } from '@portal/messaging';
import type { Order } from '../entities/order.entity';
import { SCHEMA } from '../schema';

export interface Settled {
  outcome: IntegrationEventOutcome;
  orderId: string | null;
}

const DUPLICATE_REASON = 'This order already arrived on this connection in an earlier event.';

const ORDER_COLUMNS = `"id", "client_id", "courier_id", "status", "connection_id", "platform", "external_order_id", "reference", "pickup", "dropoff", "received_at", "ready_by", "due_by", "weight", "pieces", "service_code", "notes", "service", "draft_reasons", "created_at", "updated_at"`;
const ORDER_VALUES = '?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?';
const json = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

/** Parameters for ORDER_VALUES, in ORDER_COLUMNS order. */
const orderValues = (order: Order): unknown[] => [
  order.id,
  order.clientId,
  order.courierId,
  order.status,
  order.connectionId,
  order.platform,
  order.externalOrderId,
  order.reference,
  json(order.pickup),
  json(order.dropoff),
  order.receivedAt,
  order.readyBy,
  order.dueBy,
  json(order.weight),
  order.pieces,
  order.serviceCode,
  order.notes,
  json(order.service),
  JSON.stringify(order.draftReasons),
  order.createdAt,
  order.updatedAt,
];

/**
 * Writes the outcome of one integration event in a single statement (atomic, one round trip): the
 * event-log row is claimed by the gateway's event id, the order is inserted only if the claim
 * succeeded and the order is new, and its announcements only if the order was inserted. A job run
 * twice finds its claim and writes nothing (the answer is then null).
 */
@Injectable()
export class IntakeStore {
  constructor(private readonly orm: MikroORM) {}

  async place(job: IntakeAcceptedJob, order: Order, announcements: OutgoingJob[]): Promise<Settled | null> {
    const rows = await this.em().execute<{ outcome: IntegrationEventOutcome; order_id: string }[]>(
      `with prior as (
         select "id" from "${SCHEMA}"."orders" where "connection_id" = ? and "external_order_id" = ?
       ), claim as (
         insert into "${SCHEMA}"."integration_events" ("id", "connection_id", "client_id", "courier_id", "platform", "external_event_id", "external_order_id", "received_at", "outcome", "order_id", "reason")
         select ?, ?, ?, ?, ?, ?, ?, ?,
           case when exists (select 1 from prior) then 'DUPLICATE' else 'PLACED' end,
           coalesce((select "id" from prior), ?::uuid),
           case when exists (select 1 from prior) then ? end
         on conflict ("id") do nothing
         returning "outcome", "order_id"
       ), placed as (
         insert into "${SCHEMA}"."orders" (${ORDER_COLUMNS})
         select ${ORDER_VALUES}
         where exists (select 1 from claim where "outcome" = 'PLACED')
         on conflict ("connection_id", "external_order_id") do nothing
         returning "id"
       ), announced as (
         ${outboxInsertFromJson(SCHEMA)} where exists (select 1 from placed)
       )
       select "outcome", "order_id" from claim`,
      [
        order.connectionId,
        order.externalOrderId,
        ...this.logColumns(job),
        order.id,
        DUPLICATE_REASON,
        ...orderValues(order),
        outboxRowsJson(announcements),
      ],
    );
    return rows.length > 0 ? { outcome: rows[0].outcome, orderId: rows[0].order_id } : null;
  }

  /**
   * Claims the event for a quoted intake: answers 'new' for the first claim, 'pending' while an
   * earlier claim waits for its quote (adding the flow again is then harmless), 'settled' after.
   */
  async claimPending(job: IntakeAcceptedJob): Promise<'new' | 'pending' | 'settled'> {
    const rows = await this.em().execute<{ id: string; claimed: boolean; outcome: IntegrationEventOutcome }[]>(
      `with claim as (
         insert into "${SCHEMA}"."integration_events" ("id", "connection_id", "client_id", "courier_id", "platform", "external_event_id", "external_order_id", "received_at", "outcome", "order_id", "reason")
         values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', null, null) on conflict ("id") do nothing returning "id"
       )
       select true as claimed, 'PENDING' as outcome from claim
       union all
       select false, "outcome" from "${SCHEMA}"."integration_events" where "id" = ? and not exists (select 1 from claim)`,
      [...this.logColumns(job), job.eventId],
    );
    if (rows[0]?.claimed) return 'new';
    return rows[0]?.outcome === 'PENDING' ? 'pending' : 'settled';
  }

  /**
   * Settles a quoted intake: the order (placed or Draft), the log row leaving PENDING, and the
   * order's announcement, in one statement. A repeat finds the log row settled and writes nothing.
   */
  async settleQuoted(eventId: string, order: Order, announcements: OutgoingJob[]): Promise<Settled | null> {
    const outcome: IntegrationEventOutcome = order.status === 'PLACED' ? 'PLACED' : 'DRAFT';
    const rows = await this.em().execute<{ outcome: IntegrationEventOutcome; order_id: string }[]>(
      `with pending as (
         select "id" from "${SCHEMA}"."integration_events" where "id" = ? and "outcome" = 'PENDING' for update
       ), placed as (
         insert into "${SCHEMA}"."orders" (${ORDER_COLUMNS})
         select ${ORDER_VALUES} where exists (select 1 from pending)
         on conflict ("connection_id", "external_order_id") do nothing
         returning "id"
       ), settled as (
         update "${SCHEMA}"."integration_events"
         set "outcome" = case when exists (select 1 from placed) then ? else 'DUPLICATE' end,
             "order_id" = coalesce((select "id" from placed), (select "id" from "${SCHEMA}"."orders" where "connection_id" = ? and "external_order_id" = ?)),
             "reason" = case when exists (select 1 from placed) then null else ? end
         where "id" in (select "id" from pending)
         returning "outcome", "order_id"
       ), announced as (
         ${outboxInsertFromJson(SCHEMA)} where exists (select 1 from placed)
       )
       select "outcome", "order_id" from settled`,
      [eventId, ...orderValues(order), outcome, order.connectionId, order.externalOrderId, DUPLICATE_REASON, outboxRowsJson(announcements)],
    );
    return rows.length > 0 ? { outcome: rows[0].outcome, orderId: rows[0].order_id } : null;
  }

  async reject(job: IntakeAcceptedJob, reason: string): Promise<Settled | null> {
    const rows = await this.em().execute<{ id: string }[]>(
      `insert into "${SCHEMA}"."integration_events" ("id", "connection_id", "client_id", "courier_id", "platform", "external_event_id", "external_order_id", "received_at", "outcome", "order_id", "reason")
       values (?, ?, ?, ?, ?, ?, ?, ?, 'REJECTED', null, ?) on conflict ("id") do nothing returning "id"`,
      [...this.logColumns(job), reason],
    );
    return rows.length > 0 ? { outcome: 'REJECTED', orderId: null } : null;
  }

  private logColumns(job: IntakeAcceptedJob): unknown[] {
    return [job.eventId, job.connectionId, job.clientId, job.courierId, job.platform, job.event.id, job.event.order.externalId, new Date(job.receivedAt)];
  }

  private em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }
}
