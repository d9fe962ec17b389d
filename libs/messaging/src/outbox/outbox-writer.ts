import type { EntityManager } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import { OutboxMessage } from './outbox-message.entity';

export interface OutgoingJob {
  queue: string;
  jobName: string;
  payload: unknown;
}

/**
 * Adds messages to the outbox through the caller's entity manager, so they commit or roll back with
 * the caller's transaction. Ids are UUIDv7: time-ordered, and the BullMQ job id of each message.
 */
export async function writeOutbox(em: EntityManager, jobs: OutgoingJob[]): Promise<void> {
  if (jobs.length === 0) return;
  const now = new Date();
  await em.insertMany(
    OutboxMessage,
    jobs.map((job) => ({ id: uuidv7(), queue: job.queue, jobName: job.jobName, payload: job.payload, createdAt: now })),
  );
}
