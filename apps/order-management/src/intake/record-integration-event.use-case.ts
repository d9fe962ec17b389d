import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { IntakeRecordedJob } from '@portal/contracts';
import { IntegrationEventRecord } from '../entities/integration-event.entity';

/** Adds a delivery the gateway refused, ignored or recognised as a repeat to the event log, once. */
@Injectable()
export class RecordIntegrationEvent {
  constructor(private readonly orm: MikroORM) {}

  async execute(job: IntakeRecordedJob): Promise<void> {
    const em = this.orm.em.fork() as EntityManager;
    // A repeat points at the order its original became, when that is known already.
    const original = job.duplicateOf ? await em.findOne(IntegrationEventRecord, { id: job.duplicateOf }, { fields: ['orderId'] }) : null;
    await em
      .createQueryBuilder(IntegrationEventRecord)
      .insert({
        id: job.eventId,
        connectionId: job.connectionId,
        clientId: job.clientId,
        courierId: job.courierId,
        platform: job.platform,
        externalEventId: job.externalEventId,
        externalOrderId: job.externalOrderId,
        receivedAt: new Date(job.receivedAt),
        outcome: job.outcome,
        orderId: original?.orderId ?? null,
        reason: job.reason,
      })
      .onConflict('id')
      .ignore()
      .execute('run');
  }
}
