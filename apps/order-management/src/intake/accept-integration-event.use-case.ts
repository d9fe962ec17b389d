import { MikroORM, RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { IntakeAcceptedJob, IntegrationEventOutcome } from '@portal/contracts';
import { buildOrder, type BuiltOrder } from '@portal/order-domain';
import { OutboxRelay } from '@portal/messaging';
import { v7 as uuidv7 } from 'uuid';
import { ClientView } from '../entities/client-view.entity';
import { IntegrationEventRecord } from '../entities/integration-event.entity';
import { Order } from '../entities/order.entity';
import { OrderEventsPublisher } from '../events/order-events.publisher';

export interface AcceptResult {
  outcome: IntegrationEventOutcome;
  orderId: string | null;
}

/** Thrown while client settings' copy of a client has not reached us yet: the job retries. */
export class ClientNotProjectedYet extends Error {}

/**
 * Turns an accepted integration event into exactly one order, in one transaction with its log
 * entry and its `order.created` event. The log row is claimed first: a job delivered twice finds it
 * and stops, and the unique (connection, external order) key stops the same order twice.
 */
@Injectable()
export class AcceptIntegrationEvent {
  constructor(
    private readonly orm: MikroORM,
    private readonly relay: OutboxRelay,
    private readonly events: OrderEventsPublisher,
  ) {}

  async execute(job: IntakeAcceptedJob): Promise<AcceptResult | null> {
    const em = this.orm.em.fork() as EntityManager;
    const result = await em.transactional(async (tx) => {
      if (!(await this.claim(tx, job))) return null;
      const client = await tx.findOne(ClientView, { id: job.clientId });
      if (!client) throw new ClientNotProjectedYet(`Client ${job.clientId} has not reached order management yet.`);

      const built = buildOrder({ order: job.event.order, client, receivedAt: new Date(job.receivedAt) });
      if (!built.ok) return this.settle(tx, job.eventId, { outcome: 'REJECTED', orderId: null }, built.reason.message);

      const row = this.newOrderRow(job, built.order);
      // Plain data, not an entity instance: the query builder would serialise an instance's JSON twice.
      const inserted = await tx
        .createQueryBuilder(Order)
        .insert(row)
        .onConflict(['connectionId', 'externalOrderId'])
        .ignore()
        .execute('run');
      if (inserted.affectedRows === 0) {
        const existing = await tx.findOneOrFail(Order, { connectionId: job.connectionId, externalOrderId: built.order.externalOrderId }, { fields: ['id'] });
        return this.settle(tx, job.eventId, { outcome: 'DUPLICATE', orderId: existing.id }, 'This order already arrived on this connection in an earlier event.');
      }
      await this.events.publish(tx, 'order.created', Object.assign(new Order(), row));
      return this.settle(tx, job.eventId, { outcome: 'PLACED', orderId: row.id }, null);
    });
    if (result) this.relay.nudge();
    return result;
  }

  private async claim(tx: EntityManager, job: IntakeAcceptedJob): Promise<boolean> {
    const claimed = await tx
      .createQueryBuilder(IntegrationEventRecord)
      .insert({
        id: job.eventId,
        connectionId: job.connectionId,
        clientId: job.clientId,
        courierId: job.courierId,
        platform: job.platform,
        externalEventId: job.event.id,
        externalOrderId: job.event.order.externalId,
        receivedAt: new Date(job.receivedAt),
        outcome: 'PENDING',
        orderId: null,
        reason: null,
      })
      .onConflict('id')
      .ignore()
      .execute('run');
    return claimed.affectedRows > 0;
  }

  private async settle(tx: EntityManager, eventId: string, result: AcceptResult, reason: string | null): Promise<AcceptResult> {
    await tx.nativeUpdate(IntegrationEventRecord, { id: eventId }, { outcome: result.outcome, orderId: result.orderId, reason });
    return result;
  }

  /** Clients without Rates and Services: the order is placed as built, with no service. */
  private newOrderRow(job: IntakeAcceptedJob, built: BuiltOrder): RequiredEntityData<Order> & { id: string } {
    const now = new Date();
    return {
      id: uuidv7(),
      clientId: job.clientId,
      courierId: job.courierId,
      status: 'PLACED' as const,
      connectionId: job.connectionId,
      platform: job.platform,
      externalOrderId: built.externalOrderId,
      reference: built.reference,
      pickup: built.pickup,
      dropoff: built.dropoff,
      readyBy: new Date(built.readyBy),
      dueBy: built.dueBy ? new Date(built.dueBy) : null,
      weight: built.weight,
      pieces: built.pieces,
      serviceCode: built.serviceCode,
      notes: built.notes,
      service: null,
      draftReasons: [],
      createdAt: now,
      updatedAt: now,
    };
  }
}
