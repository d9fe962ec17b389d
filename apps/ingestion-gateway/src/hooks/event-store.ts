import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { IntakeAcceptedJob, IntakeRecordedJob, QueueNames, type CanonicalOrderEvent } from '@portal/contracts';
import { describeError, executeBound, GroupCommit, OutboxWriter, statementManager } from '@portal/messaging';
import { APP_CONFIG } from '@portal/service-kit';
import { v7 as uuidv7 } from 'uuid';
import type { GatewayConfig } from '../config';
import type { InboundDelivery } from '../platforms/platform-adapter';
import type { ConnectionContext } from '../projection/connection-cache';
import { SCHEMA } from '../schema';
import type { Refusal } from './delivery-verdict';
import { intakeDelivery } from './intake-delivery';

/** A delivery waiting for its group's statement. */
interface AcceptedDelivery {
  id: string;
  connection: ConnectionContext;
  delivery: InboundDelivery;
  event: CanonicalOrderEvent;
  mayCreate: boolean;
}

export interface StoreResult {
  eventId: string;
  duplicate: boolean;
}

const KEPT_HEADERS = /^(content-type|user-agent|x-signature|x-shopify-|x-wc-webhook-)/i;

/**
 * Stores deliveries durably before the gateway answers, with the job that hands them on written in
 * the same transaction (the outbox): once a 2xx has gone out, the event cannot be lost. Refused
 * deliveries are kept too, with their record, so they can be replayed.
 */
@Injectable()
export class EventStore {
  private readonly logger = new Logger(EventStore.name);
  private readonly accepted: GroupCommit<AcceptedDelivery, boolean>;

  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxWriter,
    @Inject(APP_CONFIG) config: GatewayConfig,
  ) {
    this.accepted = new GroupCommit((group) => this.insertAccepted(group), { maxBatch: config.GATEWAY_STORE_GROUP_MAX, maxInFlight: config.GATEWAY_STORE_IN_FLIGHT });
  }

  async storeAccepted(connection: ConnectionContext, delivery: InboundDelivery, event: CanonicalOrderEvent, mayCreate: boolean): Promise<StoreResult> {
    const id = uuidv7();
    if (await this.accepted.submit({ id, connection, delivery, event, mayCreate })) return { eventId: id, duplicate: false };
    return this.storeDuplicate(this.orm.em.fork() as EntityManager, connection, delivery, event);
  }

  /**
   * The hot path: a group of deliveries and their outbox rows in one statement, so one round trip
   * and one commit for the lot and no explicit transaction. A delivery's outbox row exists only if
   * the delivery was new (on neither unique key, also against the others in the group). Answers,
   * per delivery, whether it was stored.
   */
  private async insertAccepted(group: AcceptedDelivery[]): Promise<boolean[]> {
    const jobs = group.map(({ id, connection, delivery, event, mayCreate }) => {
      const data: IntakeAcceptedJob = { ...intakeDelivery(id, connection, delivery.receivedAt), name: 'integration-event.accepted', event, mayCreate };
      return { queue: QueueNames.orderIntake, data };
    });
    const stored = await this.outbox.statement<{ id: string }>(statementManager(this.orm), jobs, (outbox) => ({
      sql: `with stored as (
         insert into "${SCHEMA}"."events" ("id", "connection_id", "client_id", "platform", "external_event_id", "external_order_id", "event_type", "headers", "body", "received_at")
         values ${group.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} on conflict do nothing returning "id"
       ), queued as (
         ${outbox.sql} where (x.payload ->> 'eventId')::uuid in (select "id" from stored)
       )
       select "id" from stored`,
      params: [
        ...group.flatMap(({ id, connection, delivery, event }) => [
          id,
          connection.connectionId,
          connection.clientId,
          connection.platform,
          event.id,
          event.order.externalId,
          event.type,
          JSON.stringify(keptHeaders(delivery)),
          delivery.body,
          delivery.receivedAt,
        ]),
        outbox.param,
      ],
    }));
    const storedIds = new Set(stored.map((row) => row.id));
    return group.map(({ id }) => storedIds.has(id));
  }

  /** The same event id, or another create of the same order, already came through this connection: record the repeat. */
  private async storeDuplicate(em: EntityManager, connection: ConnectionContext, delivery: InboundDelivery, event: CanonicalOrderEvent): Promise<StoreResult> {
    const originalId = await this.outbox.transaction(em, async (tx) => {
      const [original] = await executeBound<{ id: string }>(
        tx,
        `select "id" from "${SCHEMA}"."events"
         where "connection_id" = ? and ("external_event_id" = ? or (?::text = 'order.created' and "event_type" = 'order.created' and "external_order_id" = ?))
         order by "id" limit 1`,
        [connection.connectionId, event.id, event.type, event.order.externalId],
      );
      const job: IntakeRecordedJob = {
        ...intakeDelivery(uuidv7(), connection, delivery.receivedAt),
        name: 'integration-event.recorded',
        outcome: 'DUPLICATE',
        reasonCode: 'DUPLICATE',
        reason: `A repeat of event ${original.id}: the same event id${event.type === 'order.created' ? ', or the same new order,' : ''} already arrived on this connection.`,
        externalEventId: event.id,
        externalOrderId: event.order.externalId,
        duplicateOf: original.id,
      };
      await this.outbox.add(tx, [{ queue: QueueNames.orderIntake, data: job }]);
      return original.id;
    });
    return { eventId: originalId, duplicate: true };
  }

  /**
   * Records a verified delivery that was answered without being accepted, so the event log can
   * explain it, and keeps it (the same id) so it can be replayed. The caller's answer does not depend
   * on this record: a failure is logged, not thrown. Returns the id the event log will show it under.
   */
  async recordRefusal(connection: ConnectionContext, delivery: InboundDelivery, refusal: Refusal): Promise<string> {
    const eventId = uuidv7();
    const job: IntakeRecordedJob = { ...intakeDelivery(eventId, connection, delivery.receivedAt), name: 'integration-event.recorded', ...refusal, duplicateOf: null };
    try {
      await this.outbox.transaction(this.orm.em.fork() as EntityManager, async (tx) => {
        await tx.execute(
          `insert into "${SCHEMA}"."refused_deliveries" ("id", "connection_id", "client_id", "platform", "external_event_id", "external_order_id", "headers", "body", "received_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [eventId, connection.connectionId, connection.clientId, connection.platform, refusal.externalEventId, refusal.externalOrderId, JSON.stringify(keptHeaders(delivery)), delivery.body, delivery.receivedAt],
        );
        await this.outbox.add(tx, [{ queue: QueueNames.orderIntake, data: job }]);
      });
    } catch (error) {
      this.logger.error(`Could not record a refused delivery for connection ${connection.connectionId}: ${describeError(error)}`);
    }
    return eventId;
  }
}

function keptHeaders(delivery: InboundDelivery): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(delivery.headers)) {
    if (value !== undefined && KEPT_HEADERS.test(name)) kept[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}
