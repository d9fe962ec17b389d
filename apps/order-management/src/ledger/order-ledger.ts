import { LockMode, MikroORM, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  QueueNames,
  type IntakeAcceptedJob,
  type IntakeRecordedJob,
  type IntegrationEventOutcome,
  type OrderCancellation,
  type OrderChange,
  type OrderService,
  type Reason,
  type RoutedJob,
} from '@portal/contracts';
import { OutboxWriter, executeBound, statementManager } from '@portal/messaging';
import type { OrderReason } from '@portal/order-domain';
import { EntityTable } from '@portal/service-kit';
import { v7 as uuidv7 } from 'uuid';
import { IntegrationEventRecord } from '../entities/integration-event.entity';
import { OrderKey } from '../entities/order-key.entity';
import { Order } from '../entities/order.entity';
import { REACHED_FROM, type ChangeDecision, type OrderState } from '../intake/intake-state';
import { OrderAnnouncements } from './order-announcements';

/** What became of an integration event. */
export interface Settled {
  outcome: IntegrationEventOutcome;
  orderId: string | null;
}

const DUPLICATE = { code: 'DUPLICATE', message: 'This order already arrived on this connection in an earlier event.' };
const CANCELLED_FIRST = { code: 'ORDER_CANCELLED', message: 'The store cancelled this order before it reached us: the cancellation was remembered, so this creates nothing.' };
const REMEMBERED = { code: 'CANCELLED_BEFORE_CREATE', message: 'No order exists for this yet: the cancellation is remembered, and the create that follows creates nothing.' };

/** The states a settling write may leave, as a SQL list. */
const fromStates = (to: IntegrationEventOutcome): string =>
  REACHED_FROM[to]
    .filter((s) => s !== null)
    .map((s) => `'${s}'`)
    .join(', ');

/** Any job that names an event of the log. */
type EventJob = IntakeAcceptedJob | IntakeRecordedJob;

/**
 * The only writer of orders, of their integration-event rows and of the events announcing them
 * (ARCHITECTURE 12): each method is one atomic step, a single statement where one beats the ORM's
 * several (the intake hot path), a transaction otherwise. Every write is idempotent: a step run
 * again finds what it wrote and changes nothing (the answer is then null or false). All events
 * about one external order first write its `order_keys` row, which serialises them.
 */
@Injectable()
export class OrderLedger {
  private readonly orders: EntityTable<Order>;
  private readonly events: EntityTable<IntegrationEventRecord>;
  private readonly keys: EntityTable<OrderKey>;

  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxWriter,
    private readonly announcements: OrderAnnouncements,
  ) {
    this.orders = new EntityTable(orm, Order);
    this.events = new EntityTable(orm, IntegrationEventRecord);
    this.keys = new EntityTable(orm, OrderKey);
  }

  /**
   * A create placed without a quote, in one statement: the order's key claimed (a create after a
   * remembered cancellation is IGNORED, one for a known order a DUPLICATE), the log row claimed by
   * the gateway's event id, the order inserted only if both claims succeeded, and its announcements.
   */
  async placeIntake(job: IntakeAcceptedJob, order: Order): Promise<Settled | null> {
    const rows = await this.outbox.statement<{ outcome: IntegrationEventOutcome; order_id: string | null }>(this.statements(), this.announcements.forNew(order), (outbox) => ({
      sql: `with ${this.keyedCreate(`values (?, ?, ?::uuid)`)},
       claim as (
         ${this.events.insertFrom(`?::jsonb || (select "settle" from decided)`)}
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
      params: [order.connectionId, order.externalOrderId, order.id, order.id, 'PLACED', ...this.createReasons(), this.logRow(job, 'PLACED'), this.orderRow(order), outbox.param],
    }));
    return rows.length > 0 ? { outcome: rows[0].outcome, orderId: rows[0].order_id } : null;
  }

  /**
   * Claims an event for quoting: 'new' for the first claim, 'pending' while an earlier claim waits
   * for its quote (asking again is then harmless), 'settled' after.
   */
  async claimForQuote(job: IntakeAcceptedJob): Promise<'new' | 'pending' | 'settled'> {
    const rows = await executeBound<{ claimed: boolean; outcome: IntegrationEventOutcome }>(
      this.statements(),
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
   * A quoted create settled in one statement: the order's key claimed, the order (placed or a
   * Draft) inserted, the log row leaving PENDING, and the order's announcement. A repeat finds the
   * row settled and writes nothing.
   */
  async settleQuoted(eventId: string, order: Order): Promise<Settled | null> {
    const outcome: IntegrationEventOutcome = order.status === 'PLACED' ? 'PLACED' : 'DRAFT';
    const rows = await this.outbox.statement<{ outcome: IntegrationEventOutcome; order_id: string | null }>(this.statements(), this.announcements.forNew(order), (outbox) => ({
      sql: `with pending as (
         select "id" from ${this.events.name} where "id" = ? and "outcome" in (${fromStates(outcome)}) for update
       ), ${this.keyedCreate(`select ?, ?, ?::uuid where exists (select 1 from pending)`)},
       placed as (
         ${this.orders.insertFrom()} where exists (select 1 from decided where "outcome" = ?)
         on conflict ("connection_id", "external_order_id") do nothing
         returning "id"
       ), settled as (
         update ${this.events.name} e set "outcome" = d."outcome", "order_id" = d."order_id", "reason" = d."settle"->>'reason', "reason_code" = d."settle"->>'reason_code'
         from decided d where e."id" in (select "id" from pending)
         returning e."outcome", e."order_id"
       ), announced as (
         ${outbox.sql} where exists (select 1 from placed)
       )
       select "outcome", "order_id" from settled`,
      params: [eventId, order.connectionId, order.externalOrderId, order.id, order.id, outcome, ...this.createReasons(), this.orderRow(order), outcome, outbox.param],
    }));
    return rows.length > 0 ? { outcome: rows[0].outcome, orderId: rows[0].order_id } : null;
  }

  /**
   * An update or a cancellation, in one transaction: the log row claimed (`new`) or taken from
   * PENDING after its quote (`pending`), the order's key and order locked, `decide` asked what to do
   * with what they hold now, and its decision written with the announcement it calls for.
   */
  async changeOrder(job: IntakeAcceptedJob, claim: 'new' | 'pending', decide: (state: OrderState) => ChangeDecision): Promise<Settled | null> {
    return this.outbox.transaction(this.em(), async (tx) => {
      const claimed =
        claim === 'new'
          ? await executeBound(tx, `${this.events.insertFrom()} on conflict ("id") do nothing returning "id"`, [this.logRow(job, 'PENDING')])
          : await executeBound(tx, `select "id" from ${this.events.name} where "id" = ? and "outcome" = 'PENDING' for update`, [job.eventId]);
      if (claimed.length === 0) return null;
      const [key] = await executeBound<{ connection_id: string; external_order_id: string; order_id: string | null; cancellation: OrderCancellation | null }>(
        tx,
        `insert into ${this.keys.name} ("connection_id", "external_order_id") values (?, ?)
         on conflict ("connection_id", "external_order_id") do update set "connection_id" = excluded."connection_id"
         returning "connection_id", "external_order_id", "order_id", "cancellation"`,
        [job.connectionId, job.event.order.externalId],
      );
      const orderKey = Object.assign(new OrderKey(), { connectionId: key.connection_id, externalOrderId: key.external_order_id, orderId: key.order_id, cancellation: key.cancellation });
      const current = orderKey.orderId ? await tx.findOne(Order, { id: orderKey.orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      const decision = decide({ key: orderKey, current });
      return this.write(tx, job, current, decision);
    });
  }

  /** An accepted event that cannot become or change an order, with the reason a person reads in the log. */
  async rejectIntake(job: IntakeAcceptedJob, reason: OrderReason): Promise<Settled | null> {
    const rows = await executeBound<{ id: string }>(this.statements(), `${this.events.insertFrom()} on conflict ("id") do nothing returning "id"`, [this.logRow(job, 'REJECTED', reason)]);
    return rows.length > 0 ? { outcome: 'REJECTED', orderId: null } : null;
  }

  /** A delivery the gateway answered without accepting it; a repeat points at the order its original became. */
  async recordDelivery(job: IntakeRecordedJob): Promise<void> {
    await executeBound(
      this.statements(),
      `${this.events.insertFrom(`?::jsonb || jsonb_build_object('order_id', (select "order_id" from ${this.events.name} where "id" = ?))`)} on conflict ("id") do nothing`,
      [this.logRow(job, job.outcome, { code: job.reasonCode, message: job.reason }), job.duplicateOf],
    );
  }

  /** Processing failed for good: the event is FAILED with the error, never left PENDING (a settled event stays as it is). */
  async markFailed(job: IntakeAcceptedJob, error: string): Promise<void> {
    await executeBound(
      this.statements(),
      `${this.events.insertFrom()}
       on conflict ("id") do update set "outcome" = excluded."outcome", "reason" = excluded."reason", "reason_code" = excluded."reason_code"
       where ${this.events.name}."outcome" in (${fromStates('FAILED')})`,
      [this.logRow(job, 'FAILED', { code: 'PROCESSING_FAILED', message: `Processing failed after every retry: ${error}. Replay it once the cause is fixed.` })],
    );
  }

  /**
   * A draft's edit, applied only if nobody changed the draft since it was read (optimistic
   * locking), announced as `order.updated` naming what changed.
   */
  async editDraft(draft: Order, edited: Order, changes: OrderChange[]): Promise<boolean> {
    const { pickup, dropoff, readyBy, dueBy, weight, pieces, serviceCode, draftReasons, updatedAt } = edited;
    const fields = { pickup, dropoff, readyBy, dueBy, weight, pieces, serviceCode, draftReasons, updatedAt };
    return (await this.guardedChange(unchanged(draft), fields, edited, changes.length > 0 ? this.announcements.updated(edited, changes) : [])) !== null;
  }

  /** Keeps the reasons a failed finalisation found, unless the draft changed meanwhile. */
  async noteDraftReasons(draft: Order, draftReasons: Reason[]): Promise<void> {
    await this.em().nativeUpdate(Order, unchanged(draft), { draftReasons, updatedAt: new Date() });
  }

  /** Places a draft with its quoted service and announces it, once: null if it changed or was placed meanwhile. */
  async finalizeDraft(draft: Order, service: OrderService): Promise<Order | null> {
    const placed = Object.assign(new Order(), draft, { status: 'PLACED' as const, service, draftReasons: [], updatedAt: new Date() });
    return this.guardedChange(unchanged(draft), { status: 'PLACED', service, draftReasons: [], updatedAt: placed.updatedAt }, placed, this.announcements.forNew(placed));
  }

  /** Cancels a draft on a person's request and announces it: null if it is no longer one. */
  async cancelDraft(draft: Order, by: OrderCancellation['by']): Promise<Order | null> {
    const cancellation: OrderCancellation = { by, reason: null, at: new Date().toISOString() };
    const cancelled = Object.assign(new Order(), draft, { status: 'CANCELLED' as const, cancellation, updatedAt: new Date() });
    // Any draft may be cancelled, edited since or not: cancelling discards what it holds.
    return this.guardedChange({ id: draft.id, status: 'DRAFT' }, { status: 'CANCELLED', cancellation, updatedAt: cancelled.updatedAt }, cancelled, this.announcements.cancelled(cancelled));
  }

  /**
   * Asks the gateway to read these events' deliveries again (PRODUCT 2.3), marking them replayed in
   * the same transaction; answers the new log entries' ids, in the order given.
   */
  async requestReplays(filter: FilterQuery<IntegrationEventRecord>, limit = 1): Promise<string[]> {
    return this.outbox.transaction(this.em(), async (tx) => {
      // Rows another replay request holds are skipped, never replayed twice.
      const events = await tx.find(IntegrationEventRecord, filter, { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, orderBy: { id: 'asc' }, limit });
      if (events.length === 0) return [];
      const requestedAt = new Date();
      await tx.nativeUpdate(IntegrationEventRecord, { id: { $in: events.map((e) => e.id) } }, { replayedAt: requestedAt });
      const jobs: RoutedJob[] = events.map((e) => ({
        queue: QueueNames.deliveryReplays,
        data: {
          v: 1,
          name: 'delivery.replay-requested',
          replayId: uuidv7(),
          replayOf: e.id,
          deliveryId: e.deliveryId ?? e.id,
          connectionId: e.connectionId,
          clientId: e.clientId,
          courierId: e.courierId,
          platform: e.platform,
          requestedAt: requestedAt.toISOString(),
        },
      }));
      await this.outbox.add(tx, jobs);
      return jobs.map((j) => (j.data as { replayId: string }).replayId);
    });
  }

  /** An update of the order matching `guard`, with its announcements, in one transaction. */
  private async guardedChange(guard: FilterQuery<Order>, changes: Partial<Order>, result: Order, announcements: RoutedJob[]): Promise<Order | null> {
    const won = await this.outbox.transaction(this.em(), async (tx) => {
      const updated = await tx.nativeUpdate(Order, guard, changes);
      if (updated === 0) return false;
      await this.outbox.add(tx, announcements);
      return true;
    });
    return won ? result : null;
  }

  /** Writes a change decision inside `changeOrder`'s transaction. */
  private async write(tx: EntityManager, job: IntakeAcceptedJob, current: Order | null, decision: ChangeDecision): Promise<Settled> {
    const key = { connectionId: job.connectionId, externalOrderId: job.event.order.externalId };
    switch (decision.outcome) {
      case 'PENDING':
        return { outcome: 'PENDING', orderId: decision.orderId };
      case 'IGNORED':
      case 'REJECTED':
        if (decision.touch && current) await tx.nativeUpdate(Order, { id: current.id, $or: [{ sourceUpdatedAt: null }, { sourceUpdatedAt: { $lt: decision.touch } }] }, { sourceUpdatedAt: decision.touch });
        return this.settle(tx, job.eventId, decision.outcome, decision.orderId, decision.reason);
      case 'PLACED':
      case 'DRAFT':
        await executeBound(tx, this.orders.insertFrom(), [this.orderRow(decision.order)]);
        await tx.nativeUpdate(OrderKey, key, { orderId: decision.order.id });
        await this.outbox.add(tx, this.announcements.forNew(decision.order));
        return this.settle(tx, job.eventId, decision.outcome, decision.order.id, null);
      case 'UPDATED': {
        const { order, changes } = decision;
        const { pickup, dropoff, readyBy, dueBy, weight, pieces, serviceCode, notes, reference, service, draftReasons, sourceUpdatedAt, updatedAt } = order;
        await tx.nativeUpdate(Order, { id: order.id }, { pickup, dropoff, readyBy, dueBy, weight, pieces, serviceCode, notes, reference, service, draftReasons, sourceUpdatedAt, updatedAt });
        await this.outbox.add(tx, this.announcements.updated(order, changes));
        return this.settle(tx, job.eventId, 'UPDATED', order.id, { code: null, message: `Changed: ${changes.join(', ')}.` });
      }
      case 'CANCELLED': {
        const { order, cancellation } = decision;
        await tx.nativeUpdate(OrderKey, key, { cancellation });
        if (!order) return this.settle(tx, job.eventId, 'CANCELLED', null, REMEMBERED);
        await tx.nativeUpdate(Order, { id: order.id }, { status: 'CANCELLED', cancellation, sourceUpdatedAt: order.sourceUpdatedAt, updatedAt: order.updatedAt });
        await this.outbox.add(tx, this.announcements.cancelled(order));
        return this.settle(tx, job.eventId, 'CANCELLED', order.id, cancellation.reason ? { code: null, message: `Cancelled by the store: ${cancellation.reason}.` } : null);
      }
    }
  }

  private async settle(tx: EntityManager, eventId: string, outcome: IntegrationEventOutcome, orderId: string | null, reason: { code: string | null; message: string } | null): Promise<Settled> {
    await tx.nativeUpdate(IntegrationEventRecord, { id: eventId }, { outcome, orderId, reason: reason?.message ?? null, reasonCode: reason?.code ?? null });
    return { outcome, orderId };
  }

  /**
   * The CTEs `k` (the order's key claimed for a create, its row from `source`: connection, external
   * id, order id) and `decided` (the outcome: the given one when the key took this order, IGNORED
   * after a remembered cancellation, else DUPLICATE; with the log row's order, reason and code).
   * Parameters, after the source's: this order's id, the outcome, then `createReasons()`.
   */
  private keyedCreate(source: string): string {
    return `k as (
         insert into ${this.keys.name} ("connection_id", "external_order_id", "order_id") ${source}
         on conflict ("connection_id", "external_order_id") do update
           set "order_id" = case when ${this.keys.name}."cancellation" is null then coalesce(${this.keys.name}."order_id", excluded."order_id") else ${this.keys.name}."order_id" end
         returning "order_id", "cancellation" is not null as "cancelled"
       ), verdict as (
         select case when k."cancelled" then 'IGNORED' when k."order_id" = ?::uuid then ?::text else 'DUPLICATE' end as "outcome", k."order_id" from k
       ), decided as (
         select v."outcome", case when v."outcome" = 'IGNORED' then null else v."order_id" end as "order_id",
           jsonb_build_object('outcome', v."outcome", 'order_id', case when v."outcome" = 'IGNORED' then null else v."order_id" end,
             'reason', case v."outcome" when 'IGNORED' then ?::text when 'DUPLICATE' then ?::text end,
             'reason_code', case v."outcome" when 'IGNORED' then ?::text when 'DUPLICATE' then ?::text end) as "settle"
         from verdict v
       )`;
  }

  private createReasons(): string[] {
    return [CANCELLED_FIRST.message, DUPLICATE.message, CANCELLED_FIRST.code, DUPLICATE.code];
  }

  private logRecord(job: EventJob, outcome: IntegrationEventOutcome, reason: { code: string | null; message: string } | null = null): IntegrationEventRecord {
    const accepted = job.name === 'integration-event.accepted';
    return Object.assign(new IntegrationEventRecord(), {
      id: job.eventId,
      connectionId: job.connectionId,
      clientId: job.clientId,
      courierId: job.courierId,
      platform: job.platform,
      externalEventId: accepted ? job.event.id : job.externalEventId,
      externalOrderId: accepted ? job.event.order.externalId : job.externalOrderId,
      receivedAt: new Date(job.receivedAt),
      outcome,
      orderId: null,
      reason: reason?.message ?? null,
      reasonCode: reason?.code ?? null,
      replayOf: job.replayOf,
      eventType: accepted ? job.event.type : null,
      deliveryId: job.deliveryId ?? job.eventId,
      replayedAt: null,
    });
  }

  private logRow(job: EventJob, outcome: IntegrationEventOutcome, reason: { code: string | null; message: string } | null = null): string {
    return JSON.stringify(this.events.row(this.logRecord(job, outcome, reason)));
  }

  private orderRow(order: Order): string {
    return JSON.stringify(this.orders.row(order));
  }

  /** For what reads entities or opens a transaction. */
  private em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }

  /** For one statement outside a transaction: it needs a pooled connection, not a unit of work. */
  private statements(): EntityManager {
    return statementManager(this.orm);
  }
}

/** The draft exactly as it was read: no other edit, finalisation or cancellation since. */
const unchanged = (draft: Order) => ({ id: draft.id, status: 'DRAFT' as const, updatedAt: draft.updatedAt });
