import { v7 as uuidv7 } from 'uuid';
import type { OutgoingJob } from './outbox-writer';

/**
 * For hot paths that write their state and its outbox rows in a single SQL statement (one round
 * trip, atomic without an explicit transaction): an INSERT ... SELECT over a JSON parameter, to
 * embed in a data-modifying CTE. Append a WHERE clause to make the rows conditional.
 */
export const outboxInsertFromJson = (schema: string): string =>
  `insert into "${schema}"."outbox" ("id", "queue", "job_name", "payload", "created_at")
   select x.id, x.queue, x.job_name, x.payload, now()
   from jsonb_to_recordset(?::jsonb) as x(id uuid, queue text, job_name text, payload jsonb)`;

/** The JSON parameter for `outboxInsertFromJson`. */
export const outboxRowsJson = (jobs: OutgoingJob[]): string =>
  JSON.stringify(jobs.map((job) => ({ id: uuidv7(), queue: job.queue, job_name: job.jobName, payload: job.payload })));
