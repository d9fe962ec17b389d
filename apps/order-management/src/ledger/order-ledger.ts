import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { IntakeAcceptedJob, IntakeRecordedJob, IntegrationEventOutcome, OrderService, Reason } from '@portal/contracts';
import { OutboxWriter } from '@portal/messaging';
import { EntityTable } from '@portal/service-kit';
import { IntegrationEventRecord } from '../entities/integration-event.entity';
import { Order } from '../entities/order.entity';
import { REACHED_FROM } from '../intake/intake-state';
import { OrderAnnouncements } from './order-announcements';

/** What became of an integration event. */
export interface Settled {
  outcome: IntegrationEventOutcome;
  orderId: string | null;
}

const DUPLICATE_REASON = 'This order already arrived on this connection in an earlier event.';

/** The states a settling update may leave, as a SQL list. */
const fromStates = (to: IntegrationEventOutcome): string =>
  REACHED_FROM[to]
    .filter((s) => s !== null)
    .map((s) => `'${s}'`)
    .join(', ');

/**
 * The only writer of orders, of their integration-event rows and of the events announcing them
 * (ARCHITECTURE 12): each method is one atomic step, a single statement where one beats the ORM's
 * several (the intake hot path), a transaction otherwise. Every write is idempotent: a step run
 * again finds what it wrote and changes nothing (the answer is then null or false).
 */
@Injectable()
export class OrderLedger {
  private readonly orders: EntityTable<Order>;
  private readonly events: EntityTable<IntegrationEventRecord>;

  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxWriter,
    private readonly announcements: OrderAnnouncements,
  ) {
    this.orders = new EntityTable(orm, Order);
    this.events = new EntityTable(orm, IntegrationEventRecord);
  }

  /**
   * An event placed without a quote: its log row claimed by the gateway's event id, the order
   * inserted only if the claim succeeded and the order is new (else the event is a DUPLICATE), and
   * its announcements only if the order was inserted.
   */
  async placeIntake(job: IntakeAcceptedJob, order: Order): Promise<Settled | null> {
    const rows = await this.outbox.statement<{ outcome: IntegrationEventOutcome; order_id: string }>(this.em(), this.announcements.for(order), (outbox) => ({
      sql: `with prior as (
         select "id" from ${this.orders.name} where "connection_id" = ? and "external_order_id" = ?
       ), claim as (
         ${this.events.insertFrom(`?::jsonb || jsonb_build_object(
           'outcome', case when exists (select 1 from prior) then 'DUPLICATE' else 'PLACED' end,
           'order_id', coalesce((select "id" from prior), ?::uuid),
           'reason', case when exists (select 1 from prior) then ?::text end)`)}
         on conflict ("id") do nothing
         returning "outcome", "order_id"
       ), placed as (
         ${this.orders.insertFrom()} where exists (select 1 from claim where "outcome" = 'PLACED')
         on conflict ("connection_id", "external_order_id") do nothing
         returning "id"
       ), announced as (
         ${outbox.sql} where exists (select 1 from placed)
       )
       select "outcome", "order_id" from claim`,
      params: [order.connectionId, order.externalOrderId, this.logRow(job, 'PLACED'), order.id, DUPLICATE_REASON, this.orderRow(order), outbox.param],
    }));
    return rows.length > 0 ? { outcome: rows[0].outcome, orderId: rows[0].order_id } : null;
  }

  /**
   * Claims an event for a quoted intake: 'new' for the first claim, 'pending' while an earlier claim
   * waits for its quote (asking again is then harmless), 'settled' after.
   */
  async claimForQuote(job: IntakeAcceptedJob): Promise<'new' | 'pending' | 'settled'> {
    const rows = await this.em().execute<{ claimed: boolean; outcome: IntegrationEventOutcome }[]>(
      `with claim as (
         ${this.events.insertFrom()} on conflict ("id") do nothing returning "id"
       )
       select true as claimed, 'PENDING' as outcome from claim
       union all
       select false, "outcome" from ${this.events.name} where "id" = ? and not exists (select 1 from claim)`,
      [this.logRow(job, 'PENDING'), job.eventId],
    );
    if (rows[0]?.claimed) return 'new';
    return rows[0]?.outcome === 'PENDING' ? 'pending' : 'settled';
  }

  /**
   * A quoted intake settled: the order (placed or a Draft), the log row leaving PENDING, and the
   * order's announcement, in one statement. A repeat finds the row settled and writes nothing.
   */
  async settleQuoted(eventId: string, order: Order): Promise<Settled | null> {
    const outcome: IntegrationEventOutcome = order.status === 'PLACED' ? 'PLACED' : 'DRAFT';
    const rows = await this.outbox.statement<{ outcome: IntegrationEventOutcome; order_id: string }>(this.em(), this.announcements.for(order), (outbox) => ({
      sql: `with pending as (
         select "id" from ${this.events.name} where "id" = ? and "outcome" in (${fromStates(outcome)}) for update
       ), placed as (
         ${this.orders.insertFrom()} where exists (select 1 from pending)
         on conflict ("connection_id", "external_order_id") do nothing
         returning "id"
       ), settled as (
         update ${this.events.name}
         set "outcome" = case when exists (select 1 from placed) then ? else 'DUPLICATE' end,
             "order_id" = coalesce((select "id" from placed), (select "id" from ${this.orders.name} where "connection_id" = ? and "external_order_id" = ?)),
             "reason" = case when exists (select 1 from placed) then null else ? end
         where "id" in (select "id" from pending)
         returning "outcome", "order_id"
       ), announced as (
         ${outbox.sql} where exists (select 1 from placed)
       )
       select "outcome", "order_id" from settled`,
      params: [eventId, this.orderRow(order), outcome, order.connectionId, order.externalOrderId, DUPLICATE_REASON, outbox.param],
    }));
    return rows.length > 0 ? { outcome: rows[0].outcome, orderId: rows[0].order_id } : null;
  }

  /** An accepted event that cannot become an order, with the reason a person reads in the log. */
  async rejectIntake(job: IntakeAcceptedJob, reason: string): Promise<Settled | null> {
    const rows = await this.em().execute<{ id: string }[]>(`${this.events.insertFrom()} on conflict ("id") do nothing returning "id"`, [this.logRow(job, 'REJECTED', reason)]);
    return rows.length > 0 ? { outcome: 'REJECTED', orderId: null } : null;
  }

  /** A delivery the gateway answered without accepting it; a repeat points at the order its original became. */
  async recordDelivery(job: IntakeRecordedJob): Promise<void> {
    await this.em().execute(
      `${this.events.insertFrom(`?::jsonb || jsonb_build_object('order_id', (select "order_id" from ${this.events.name} where "id" = ?))`)} on conflict ("id") do nothing`,
      [this.logRow(job, job.outcome, job.reason), job.duplicateOf],
    );
  }

  /** A draft's edit, applied only if nobody changed the draft since it was read (optimistic locking). */
  async editDraft(draft: Order, edited: Order): Promise<boolean> {
    const { pickup, dropoff, readyBy, dueBy, weight, pieces, serviceCode, draftReasons, updatedAt } = edited;
    const updated = await this.em().nativeUpdate(Order, unchanged(draft), { pickup, dropoff, readyBy, dueBy, weight, pieces, serviceCode, draftReasons, updatedAt });
    return updated > 0;
  }

  /** Keeps the reasons a failed finalisation found, unless the draft changed meanwhile. */
  async noteDraftReasons(draft: Order, draftReasons: Reason[]): Promise<void> {
    await this.em().nativeUpdate(Order, unchanged(draft), { draftReasons, updatedAt: new Date() });
  }

  /** Places a draft with its quoted service and announces it, once: null if it changed or was placed meanwhile. */
  async finalizeDraft(draft: Order, service: OrderService): Promise<Order | null> {
    const placed = Object.assign(new Order(), draft, { status: 'PLACED' as const, service, draftReasons: [], updatedAt: new Date() });
    const won = await this.outbox.transaction(this.em(), async (tx) => {
      const updated = await tx.nativeUpdate(Order, unchanged(draft), { status: 'PLACED', service, draftReasons: [], updatedAt: placed.updatedAt });
      if (updated === 0) return false;
      await this.outbox.add(tx, this.announcements.for(placed));
      return true;
    });
    return won ? placed : null;
  }

  /** Cancels a draft: null if it is no longer one. */
  async cancelDraft(draft: Order): Promise<Order | null> {
    const cancelled = Object.assign(new Order(), draft, { status: 'CANCELLED' as const, updatedAt: new Date() });
    const updated = await this.em().nativeUpdate(Order, { id: draft.id, status: 'DRAFT' }, { status: 'CANCELLED', updatedAt: cancelled.updatedAt });
    return updated > 0 ? cancelled : null;
  }

  private logRecord(job: IntakeAcceptedJob | IntakeRecordedJob, outcome: IntegrationEventOutcome, reason: string | null = null): IntegrationEventRecord {
    return Object.assign(new IntegrationEventRecord(), {
      id: job.eventId,
      connectionId: job.connectionId,
      clientId: job.clientId,
      courierId: job.courierId,
      platform: job.platform,
      externalEventId: job.name === 'integration-event.accepted' ? job.event.id : job.externalEventId,
      externalOrderId: job.name === 'integration-event.accepted' ? job.event.order.externalId : job.externalOrderId,
      receivedAt: new Date(job.receivedAt),
      outcome,
      orderId: null,
      reason,
    });
  }

  private logRow(job: IntakeAcceptedJob | IntakeRecordedJob, outcome: IntegrationEventOutcome, reason: string | null = null): string {
    return JSON.stringify(this.events.row(this.logRecord(job, outcome, reason)));
  }

  private orderRow(order: Order): string {
    return JSON.stringify(this.orders.row(order));
  }

  private em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }
}

/** The draft exactly as it was read: no other edit, finalisation or cancellation since. */
const unchanged = (draft: Order) => ({ id: draft.id, status: 'DRAFT' as const, updatedAt: draft.updatedAt });
