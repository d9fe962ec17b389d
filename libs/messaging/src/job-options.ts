import { jobNameOf, QueueNames, type RoutedJob } from '@portal/contracts';
import type { JobsOptions } from 'bullmq';

/**
 * Every job retries transient failures with exponential backoff, and failed jobs stay (bounded) so an
 * operator can see and replay them on the dashboard: the failed set is the dead-letter record.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 200 },
  removeOnComplete: { count: 1000, age: 3600 },
  removeOnFail: { count: 50_000, age: 14 * 24 * 3600 },
};

/**
 * The gateway's settings jobs carry signing secrets: gone from Redis as soon as they are applied, and
 * kept a day at most when they fail for good (long enough to see why; the next change republishes).
 */
const SECRET_BEARING_JOB_OPTIONS: JobsOptions = { ...DEFAULT_JOB_OPTIONS, removeOnComplete: true, removeOnFail: { age: 24 * 3600 } };

export const jobOptionsFor = (queue: RoutedJob['queue']): JobsOptions =>
  queue === QueueNames.settingsForGateway ? SECRET_BEARING_JOB_OPTIONS : DEFAULT_JOB_OPTIONS;

/** A routed job as BullMQ takes it, for producers that add directly (flows, waited requests): name and options follow the queue. */
export const bullJob = (job: RoutedJob): { name: string; queueName: string; data: unknown; opts: JobsOptions } => ({
  name: jobNameOf(job),
  queueName: job.queue,
  data: job.data,
  opts: jobOptionsFor(job.queue),
});
