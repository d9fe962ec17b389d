import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { IntakeAcceptedJob, IntakeRecordedJob, QueueNames, type CanonicalOrderEvent } from '@portal/contracts';
import { describeError, executeBound, OutboxWriter } from '@portal/messaging';
import { v7 as uuidv7 } from 'uuid';
import type { InboundDelivery } from '../platforms/platform-adapter';
import type { ConnectionContext } from '../projection/connection-cache';
import { SCHEMA } from '../schema';
import type { Refusal } from './delivery-verdict';
import { intakeDelivery } from './intake-delivery';

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

  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxWriter,
  ) {}

  async storeAccepted(connection: ConnectionContext, delivery: InboundDelivery, event: CanonicalOrderEvent, mayCreate: boolean): Promise<StoreResult> {
    const em = this.orm.em.fork() as EntityManager;
    const id = uuidv7();
    const job: IntakeAcceptedJob = { ...intakeDelivery(id, connection, delivery.receivedAt), name: 'integration-event.accepted', event, mayCreate };
    // The hot path: event and outbox row in one statement, so one round trip and no explicit
    // transaction; the outbox row exists only if the event was new (on neither unique key).
    const stored = await this.outbox.statement<{ id: string }>(em, [{ queue: QueueNames.orderIntake, data: job }], (outbox) => ({
      sql: `with stored as (
         insert into "${SCHEMA}"."events" ("id", "connection_id", "client_id", "platform", "external_event_id", "external_order_id", "event_type", "headers", "body", "received_at")
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing returning "id"
       ), queued as (
         ${outbox.sql} where exists (select 1 from stored)
       )
       select "id" from stored`,
      params: [
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
        outbox.param,
      ],
    }));
    if (stored.length > 0) return { eventId: id, duplicate: false };
    return this.storeDuplicate(em, connection, delivery, event);
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
