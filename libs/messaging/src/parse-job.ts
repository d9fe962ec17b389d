import { QUEUE_CONTRACTS, type JobOf, type QueueName } from '@portal/contracts';
import { UnrecoverableError, type Job } from 'bullmq';
import type { z } from 'zod';

/**
 * A job whose data does not match its contract can never succeed: fail it without retries, with
 * every problem named, so it lands in the failed set (the dead-letter record) for a person to see.
 */
export function parseJob<T extends z.ZodType>(schema: T, data: unknown, jobName: string): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`).join('; ');
  throw new UnrecoverableError(`Job ${jobName} does not match its contract: ${problems}`);
}

/** A job read against what its queue carries (the routing table in the contracts). */
export const parseQueueJob = <Q extends QueueName>(queue: Q, job: Job): JobOf<Q> => parseJob(QUEUE_CONTRACTS[queue], job.data, job.name) as JobOf<Q>;

/**
 * Whether this attempt's failure is the job's last: no retry follows (attempts used up, or the
 * error says retrying cannot help). Processors record such a failure where people look.
 */
export const failsForGood = (job: Job, error: unknown): boolean => error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
