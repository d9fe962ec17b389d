import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { QueueNames, type IntakeJob } from '@portal/contracts';
import { OutboxWriter } from '@portal/messaging';
import { SCHEMA } from '../schema';

/**
 * Hands a replay's result on to order management once: the replay's row and the intake job commit
 * together, so a replay job BullMQ delivers again writes nothing more (and a replay that was handed
 * on is never recorded FAILED afterwards).
 */
@Injectable()
export class ReplayHandOff {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxWriter,
  ) {}

  /** False when this replay was handed on already. */
  handOn(job: IntakeJob & { deliveryId: string }): Promise<boolean> {
    return this.outbox.transaction(this.orm.em.fork() as EntityManager, async (tx) => {
      const claimed = await tx.execute<{ id: string }[]>(
        `insert into "${SCHEMA}"."replays" ("id", "delivery_id", "handed_on_at") values (?, ?, now()) on conflict ("id") do nothing returning "id"`,
        [job.eventId, job.deliveryId],
      );
      if (claimed.length === 0) return false;
      await this.outbox.add(tx, [{ queue: QueueNames.orderIntake, data: job }]);
      return true;
    });
  }
}
