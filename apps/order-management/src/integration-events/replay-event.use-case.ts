import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ReplayableOutcomeSchema, type ReplayAccepted } from '@portal/contracts';
import { conflict, notFound, Principal, resourceId } from '@portal/service-kit';
import { IntegrationEventRecord } from '../entities/integration-event.entity';
import { OrderLedger } from '../ledger/order-ledger';
import { tenantFilter } from '../tenant-filter';

export interface ReplayEventCommand {
  principal: Principal;
  eventId: string;
}

/**
 * A courier replays one event once its cause is fixed (PRODUCT 2.3): the gateway reads the stored
 * delivery again with today's configuration, and the result is a new log entry naming `replayOf`.
 * Replaying never creates a second order: order management dedups on the order's key.
 */
@Injectable()
export class ReplayEventUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly ledger: OrderLedger,
  ) {}

  async execute({ principal, eventId }: ReplayEventCommand): Promise<ReplayAccepted> {
    const event = await this.em.fork().findOne(IntegrationEventRecord, { id: resourceId(eventId, 'Integration event'), ...tenantFilter(principal) });
    if (!event) throw notFound('Integration event');
    if (event.outcome === 'PENDING') throw conflict('This event is still being processed: wait for its outcome before replaying it.');
    if (!ReplayableOutcomeSchema.safeParse(event.outcome).success) {
      throw conflict(`This event had its effect (${event.outcome}): only REJECTED, FAILED and IGNORED events can be replayed.`);
    }
    const [id] = await this.ledger.requestReplays({ id: event.id });
    if (!id) throw conflict('This event is being replayed by another request right now.');
    return { id };
  }
}
