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
