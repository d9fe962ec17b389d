import { UnrecoverableError } from 'bullmq';
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
