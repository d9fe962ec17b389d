import { MikroORM } from '@mikro-orm/core';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { RoutedJob } from '@portal/contracts';
import { Queue } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import { describeError } from '../describe-error';
import { jobOptionsFor } from '../job-options';
import { MESSAGING_OPTIONS, MessagingOptions, PRODUCER_REDIS } from '../messaging-options';
import { withPooledConnection } from '../sql/pooled-connection';
import { statementManager } from '../sql/statement-manager';

/** An outbox row as the relay takes it. */
export interface OutboxRow {
  id: string;
  queue: string;
  job_name: string;
  payload: unknown;
}

/**
 * Moves committed outbox rows to BullMQ in batches. Writers nudge it right after their commit (low
 * latency); a poll catches rows nudged in another replica or left by a crash. Rows are locked with
 * SKIP LOCKED so replicas share the work, and deleted only after BullMQ accepted them: a crash in
 * between re-sends them, and the job id (the row id) plus idempotent consumers absorb the repeat.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues = new Map<string, Queue>();
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(PRODUCER_REDIS) private readonly redis: Redis | Cluster,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.nudge(), this.options.outboxPollMs);
    this.nudge();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }

  /**
   * Asks for a drain soon. Nudges within the coalescing window (`outboxCoalesceMs`), or while a pass
   * runs, share one pass: rows then move in batches instead of one transaction per row.
   */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = new Promise<void>((resolve) => setTimeout(resolve, this.options.outboxCoalesceMs))
      .then(() => this.drain())
      .catch((error: unknown) => this.logger.warn(`Outbox relay pass failed, will retry: ${describeError(error)}`))
      .finally(() => {
        this.running = null;
      });
  }

  private async drain(): Promise<void> {
    let moved: number;
    do {
      this.again = false;
      moved = await this.relayBatch();
    } while (!this.stopped && (moved === this.options.outboxBatchSize || this.again));
  }

  /**
   * One transaction: take a batch (deleted and locked in one statement, skipping rows another
   * replica holds), hand it to BullMQ, commit. If BullMQ refuses, the rollback puts the rows back.
   * Two round trips: the transaction opens in the same one that takes the batch. Answers how many
   * rows moved.
   */
  async relayBatch(): Promise<number> {
    const table = `"${this.orm.config.get('schema')}"."outbox"`;
    const limit = this.options.outboxBatchSize;
    if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`outboxBatchSize must be a positive integer, got ${limit}`);
    return withPooledConnection(statementManager(this.orm), async (client) => {
      try {
        const results = (await client.query(
          // Ids are UUIDv7, so "id" order is write order (rows of one transaction share created_at).
          // The limit is a validated integer: written into the text so both statements go as one.
          `begin; delete from ${table} where "id" in (select "id" from ${table} order by "id" limit ${limit} for update skip locked)
           returning "id", "queue", "job_name", "payload"`,
        )) as { rows: OutboxRow[] }[];
        const rows = results[1].rows;
        await this.sendAll(rows);
        await client.query('commit');
        return rows.length;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      }
    });
  }

  private async sendAll(rows: OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    // UUIDv7 ids sort by creation: keep each queue's jobs in the order they were written.
    rows.sort((a, b) => (a.id < b.id ? -1 : 1));
    const byQueue = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      const batch = byQueue.get(row.queue);
      if (batch) batch.push(row);
      else byQueue.set(row.queue, [row]);
    }
    await Promise.all([...byQueue.entries()].map(([queue, batch]) => this.send(queue, batch)));
  }

  /**
   * Hands one queue's rows to BullMQ; the row id is the job id, so a re-send after a crash is absorbed.
   * A lone row goes with `add`, one script call: `addBulk` opens an ioredis pipeline, which copies
   * every BullMQ script onto itself (64 of them, about 45 µs here), and at moderate rates most
   * passes move one row.
   */
  protected async send(queue: string, rows: OutboxRow[]): Promise<void> {
    const options = jobOptionsFor(queue as RoutedJob['queue']);
    const jobs = rows.map((row) => ({ name: row.job_name, data: row.payload, opts: { ...options, jobId: row.id } }));
    if (jobs.length === 1) await this.queue(queue).add(jobs[0].name, jobs[0].data, jobs[0].opts);
    else await this.queue(queue).addBulk(jobs);
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.redis, prefix: this.options.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }
}
