import { Injectable } from '@nestjs/common';
import type { ReplayEventsRequest, ReplaysAccepted } from '@portal/contracts';
import type { FilterQuery } from '@mikro-orm/core';
import type { Principal } from '@portal/service-kit';
import type { IntegrationEventRecord } from '../entities/integration-event.entity';
import { OrderLedger } from '../ledger/order-ledger';
import { tenantFilter } from '../tenant-filter';

/** Replays are requested in transactions of this many events, so one call can replay any number. */
const BATCH = 500;

export interface ReplayMatchingEventsCommand {
  principal: Principal;
  filter: ReplayEventsRequest;
}

/**
 * A courier replays every event matching a filter (PRODUCT 2.3), for example all REJECTED with
 * NO_DEFAULT_PICKUP for a client that now has one. Only the latest attempt of each event is taken:
 * an event already replayed is left out (replay its replay instead), so a repeat call replays nothing twice.
 */
@Injectable()
export class ReplayMatchingEventsUseCase {
  constructor(private readonly ledger: OrderLedger) {}

  async execute({ principal, filter }: ReplayMatchingEventsCommand): Promise<ReplaysAccepted> {
    const where: FilterQuery<IntegrationEventRecord> = {
      ...tenantFilter(principal, filter.clientId),
      outcome: filter.outcome,
      replayedAt: null,
      ...(filter.connectionId ? { connectionId: filter.connectionId } : {}),
      ...(filter.reasonCode ? { reasonCode: filter.reasonCode } : {}),
      ...(filter.receivedAfter || filter.receivedBefore
        ? { receivedAt: { ...(filter.receivedAfter ? { $gte: new Date(filter.receivedAfter) } : {}), ...(filter.receivedBefore ? { $lt: new Date(filter.receivedBefore) } : {}) } }
        : {}),
    };
    let replayed = 0;
    for (;;) {
      const batch = await this.ledger.requestReplays(where, BATCH);
      replayed += batch.length;
      if (batch.length < BATCH) return { replayed };
    }
  }
}
