import { Injectable } from '@nestjs/common';
import type { IntakeRecordedJob } from '@portal/contracts';
import { OrderLedger } from '../ledger/order-ledger';

/** Adds a delivery the gateway refused, ignored or recognised as a repeat to the event log, once. */
@Injectable()
export class RecordIntegrationEventUseCase {
  constructor(private readonly ledger: OrderLedger) {}

  execute(job: IntakeRecordedJob): Promise<void> {
    return this.ledger.recordDelivery(job);
  }
}
