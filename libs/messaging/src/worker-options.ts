import { QueueNames, type QueueName } from '@portal/contracts';

export interface QueueWorkerOptions {
  /** Jobs one worker process runs at once: I/O bound (one transaction each), so well above the core count. */
  concurrency: number;
  /** How long a job may hold its lock before BullMQ thinks its worker died and hands it to another. */
  lockDuration: number;
}

/** One table for every queue: a queue added without its worker settings does not compile. */
export const WORKER_OPTIONS: Record<QueueName, QueueWorkerOptions> = {
  [QueueNames.orderIntake]: { concurrency: 32, lockDuration: 30_000 },
  [QueueNames.settingsForGateway]: { concurrency: 1, lockDuration: 30_000 },
  [QueueNames.settingsForOrderManagement]: { concurrency: 1, lockDuration: 30_000 },
  [QueueNames.settingsForQuoting]: { concurrency: 1, lockDuration: 30_000 },
  // Quoting is CPU work on in-memory data: a few at once keeps the event loop responsive.
  [QueueNames.quoteRequests]: { concurrency: 8, lockDuration: 30_000 },
  [QueueNames.quotedOrders]: { concurrency: 32, lockDuration: 30_000 },
  [QueueNames.deliveryReplays]: { concurrency: 4, lockDuration: 30_000 },
  [QueueNames.settingsActivity]: { concurrency: 1, lockDuration: 30_000 },
};
