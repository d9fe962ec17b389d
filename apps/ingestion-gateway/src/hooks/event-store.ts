import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { IntakeAcceptedJob, IntakeRecordedJob, QueueNames } from '@portal/contracts';
import { describeError, OutboxWriter, executeBound } from '@portal/messaging';
import { v7 as uuidv7 } from 'uuid';
import type { InboundDelivery } from '../platforms/platform-adapter';
import type { ConnectionContext } from '../projection/connection-cache';
import type { CanonicalOrderEvent } from '@portal/contracts';
import { SCHEMA } from '../schema';

export interface StoreResult {
  eventId: string;
  duplicate: boolean;
}

export interface Refusal {
  outcome: IntakeRecordedJob['outcome'];
  reason: string;
  externalEventId: string | null;
  externalOrderId: string | null;
}

const KEPT_HEADERS = /^(content-type|user-agent|x-signature|x-shopify-|x-wc-webhook-)/i;

/**
 * Stores deliveries durably before the gateway answers, with the job that hands them on written in
 * the same transaction (the outbox): once a 2xx has gone out, the event cannot be lost.
 */
@Injectable()
export class EventStore {
  private readonly logger = new Logger(EventStore.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxWriter,
  ) {}

  async storeAccepted(connection: ConnectionContext, delivery: InboundDelivery, event: CanonicalOrderEvent): Promise<StoreResult> {
    const em = this.orm.em.fork() as EntityManager;
    const id = uuidv7();
    const job: IntakeAcceptedJob = { ...this.delivery(id, connection, delivery), name: 'integration-event.accepted', event, mayCreate: true };
    // The hot path: event and outbox row in one statement, so one round trip and no explicit
    // transaction; the outbox row exists only if the event was new.
    const stored = await this.outbox.statement<{ id: string }>(em, [{ queue: QueueNames.orderIntake, data: job }], (outbox) => ({
      sql: `with stored as (
         insert into "${SCHEMA}"."events" ("id", "connection_id", "client_id", "platform", "external_event_id", "external_order_id", "headers", "body", "received_at")
         values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing returning "id"
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
        JSON.stringify(keptHeaders(delivery)),
        delivery.body,
        delivery.receivedAt,
        outbox.param,
      ],
    }));
    if (stored.length > 0) return { eventId: id, duplicate: false };
    return this.storeDuplicate(em, connection, delivery, event);
  }

  /** The same event id or the same order already came through this connection: record the repeat. */
  private async storeDuplicate(em: EntityManager, connection: ConnectionContext, delivery: InboundDelivery, event: CanonicalOrderEvent): Promise<StoreResult> {
    const originalId = await this.outbox.transaction(em, async (tx) => {
      const [original] = await executeBound<{ id: string }>(
        tx,
        `select "id" from "${SCHEMA}"."events" where "connection_id" = ? and ("external_event_id" = ? or "external_order_id" = ?) order by "id" limit 1`,
        [connection.connectionId, event.id, event.order.externalId],
      );
      await this.writeRecorded(tx, connection, delivery, {
        outcome: 'DUPLICATE',
        reason: `A repeat of event ${original.id}: the same event id or order id already arrived on this connection.`,
        externalEventId: event.id,
        externalOrderId: event.order.externalId,
      }, original.id);
      return original.id;
    });
    return { eventId: originalId, duplicate: true };
  }

  /**
   * Records a delivery that was answered without being accepted, so the event log can explain it.
   * The caller's answer does not depend on this record: a failure is logged, not thrown. Returns the
   * id the event log will show it under.
   */
  async recordRefusal(connection: ConnectionContext, delivery: InboundDelivery, refusal: Refusal): Promise<string> {
    const eventId = uuidv7();
    try {
      await this.outbox.transaction(this.orm.em as EntityManager, (tx) => this.writeRecorded(tx, connection, delivery, refusal, null, eventId));
    } catch (error) {
      this.logger.error(`Could not record a refused delivery for connection ${connection.connectionId}: ${describeError(error)}`);
    }
    return eventId;
  }

  private async writeRecorded(
    tx: EntityManager,
    connection: ConnectionContext,
    delivery: InboundDelivery,
    refusal: Refusal,
    duplicateOf: string | null,
    eventId: string = uuidv7(),
  ): Promise<void> {
    const job: IntakeRecordedJob = {
      ...this.delivery(eventId, connection, delivery),
      name: 'integration-event.recorded',
      ...refusal,
      reasonCode: null,
      duplicateOf,
    };
    await this.outbox.add(tx, [{ queue: QueueNames.orderIntake, data: job }]);
  }

  private delivery(eventId: string, connection: ConnectionContext, delivery: InboundDelivery) {
    return {
      v: 1 as const,
      eventId,
      connectionId: connection.connectionId,
      clientId: connection.clientId,
      courierId: connection.courierId,
      platform: connection.platform,
      receivedAt: delivery.receivedAt.toISOString(),
      deliveryId: eventId,
      replayOf: null,
    };
  }
}

function keptHeaders(delivery: InboundDelivery): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(delivery.headers)) {
    if (value !== undefined && KEPT_HEADERS.test(name)) kept[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}
