import { Injectable } from '@nestjs/common';
import type { IntakeAcceptedJob } from '@portal/contracts';
import { OrderLedger } from '../ledger/order-ledger';

export interface MarkIntakeFailedCommand {
  job: IntakeAcceptedJob;
  /** What went wrong, safe to show (no SQL values). */
  error: string;
}

/** An event whose processing failed for good is FAILED with the error, never left PENDING (PRODUCT 1.5). */
@Injectable()
export class MarkIntakeFailedUseCase {
  constructor(private readonly ledger: OrderLedger) {}

  execute({ job, error }: MarkIntakeFailedCommand): Promise<void> {
    return this.ledger.markFailed(job, error);
  }
}
