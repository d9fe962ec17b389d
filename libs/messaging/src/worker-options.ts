import { QueueNames, type QueueName } from '@portal/contracts';

/** What `@Processor(queue, options)` hands to BullMQ's Worker for one queue (all required, so none is forgotten). */
export interface QueueWorkerOptions {
  /** Jobs one worker process runs at once: well above the core count where jobs wait on I/O (one transaction each), one where they are CPU work. */
  concurrency: number;
  /**
   * How long a job's lock lasts without renewal (BullMQ renews it every half of this while the
   * worker lives). A worker that dies keeps its jobs locked this long.
   */
  lockDuration: number;
  /**
   * How often workers of the queue look for jobs whose lock ran out. A dead worker's job is marked
   * at one check and moved back to waiting at the first check after its lock expired: it moves on
   * within lockDuration + stalledInterval of the death (or within two checks of a restart).
   */
  stalledInterval: number;
  /** Stalls a job may survive before it fails for good; each stall means the job is run again. */
  maxStalledCount: number;
}

/**
 * Every job here is one transaction or a read, idempotent through database constraints, and takes
 * milliseconds: nothing needs BullMQ's 30 s lock and 30 s check (up to a minute before a killed
 * worker's jobs run elsewhere). A 5 s lock renewed every 2.5 s still leaves a busy event loop plenty
 * of room; a false stall only runs an idempotent job twice, and three are allowed so a burst of
 * them cannot fail a job that did nothing wrong.
 */
const RECOVER_IN_SECONDS = { lockDuration: 5_000, stalledInterval: 2_000, maxStalledCount: 3 } as const;

/** One table for every queue: a queue added without its worker settings does not compile. */
export const WORKER_OPTIONS: Record<QueueName, QueueWorkerOptions> = {
  [QueueNames.orderIntake]: { concurrency: 32, ...RECOVER_IN_SECONDS },
  [QueueNames.settingsForGateway]: { concurrency: 1, ...RECOVER_IN_SECONDS },
  [QueueNames.settingsForOrderManagement]: { concurrency: 1, ...RECOVER_IN_SECONDS },
  [QueueNames.settingsForQuoting]: { concurrency: 1, ...RECOVER_IN_SECONDS },
  // Quoting is CPU work on a catalogue cached in memory: running several at once overlaps nothing.
  // Above one, BullMQ's loop asks Redis for a second job right after taking one, which on a queue
  // that keeps up comes back empty: a wasted round trip per quote. At one, the call that completes
  // a quote also takes the next (docs/benchmarks.md).
  [QueueNames.quoteRequests]: { concurrency: 1, ...RECOVER_IN_SECONDS },
  [QueueNames.quotePreviews]: { concurrency: 1, ...RECOVER_IN_SECONDS },
  [QueueNames.quotedOrders]: { concurrency: 32, ...RECOVER_IN_SECONDS },
  [QueueNames.deliveryReplays]: { concurrency: 4, ...RECOVER_IN_SECONDS },
  [QueueNames.settingsActivity]: { concurrency: 1, ...RECOVER_IN_SECONDS },
};
