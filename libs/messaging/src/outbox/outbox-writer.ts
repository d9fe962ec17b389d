import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { jobNameOf, type RoutedJob } from '@portal/contracts';
import { v7 as uuidv7 } from 'uuid';
import { OutboxRelay } from './outbox-relay';
import { executeBound } from '../sql/execute-bound';

/** The outbox part of a single statement: an INSERT ... SELECT to embed in a data-modifying CTE, and its parameter. */
export interface OutboxInsert {
  /** Append a WHERE clause to make the rows conditional on the rest of the statement. */
  sql: string;
  param: string;
}

/**
 * The only way to write outbox rows (ARCHITECTURE 3): they commit with the state change they
 * announce, and the relay is nudged right after the commit, so no caller can forget it (the relay's
 * poll is only the safety net for other replicas and crashes). Jobs are typed by the routing table
 * in the contracts; each row's id is a UUIDv7, time-ordered, and becomes the BullMQ job id.
 */
@Injectable()
export class OutboxWriter {
  private readonly open = new WeakSet<EntityManager>();

  constructor(
    private readonly orm: MikroORM,
    private readonly relay: OutboxRelay,
  ) {}

  /** Runs `work` in one transaction; the jobs it adds with `add(tx, ...)` commit or roll back with it. */
  async transaction<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const result = await em.fork().transactional(async (tx) => {
      this.open.add(tx);
      try {
        return await work(tx);
      } finally {
        this.open.delete(tx);
      }
    });
    this.relay.nudge();
    return result;
  }

  /** Adds jobs inside a transaction opened by `transaction`. */
  async add(tx: EntityManager, jobs: RoutedJob[]): Promise<void> {
    if (!this.open.has(tx)) throw new Error('Outbox rows are written inside OutboxWriter.transaction, so the relay hears of the commit.');
    if (jobs.length === 0) return;
    const insert = this.insert(jobs);
    await executeBound(tx, insert.sql, [insert.param]);
  }

  /**
   * One statement that writes its own rows and these jobs atomically, without an explicit
   * transaction (one round trip on hot paths). `build` embeds `outbox.sql` and places `outbox.param`
   * among its parameters.
   */
  async statement<R extends object>(em: EntityManager, jobs: RoutedJob[], build: (outbox: OutboxInsert) => { sql: string; params: unknown[] }): Promise<R[]> {
    const { sql, params } = build(this.insert(jobs));
    const rows = await executeBound<R>(em, sql, params);
    this.relay.nudge();
    return rows;
  }

  private insert(jobs: RoutedJob[]): OutboxInsert {
    return {
      sql: `insert into "${this.orm.config.get('schema')}"."outbox" ("id", "queue", "job_name", "payload", "created_at")
        select x.id, x.queue, x.job_name, x.payload, now()
        from jsonb_to_recordset(?::jsonb) as x(id uuid, queue text, job_name text, payload jsonb)`,
      param: JSON.stringify(jobs.map((job) => ({ id: uuidv7(), queue: job.queue, job_name: jobNameOf(job), payload: job.data }))),
    };
  }
}
