import { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver, type EntityManager } from '@mikro-orm/postgresql';
import { QueueNames, type RoutedJob } from '@portal/contracts';
import { createTestDatabase, testQueuePrefix, type TestDatabase } from '@portal/test-database';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { MessagingOptions } from '../src/messaging-options';
import { OutboxMessage } from '../src/outbox/outbox-message.entity';
import { OutboxRelay, type OutboxRow } from '../src/outbox/outbox-relay';
import { CREATE_OUTBOX_SQL } from '../src/outbox/outbox-sql';
import { OutboxWriter } from '../src/outbox/outbox-writer';

const SCHEMA = 'relay_test';

/** A relay that remembers every row it handed to BullMQ. */
class RecordingRelay extends OutboxRelay {
  readonly sent: string[] = [];
  protected override async send(queue: string, rows: OutboxRow[]): Promise<void> {
    await super.send(queue, rows);
    this.sent.push(...rows.map((r) => r.id));
  }
}

/** A relay whose process dies after BullMQ took the batch and before the database committed its delete. */
class CrashingRelay extends OutboxRelay {
  protected override async send(queue: string, rows: OutboxRow[]): Promise<void> {
    await super.send(queue, rows);
    throw new Error('crashed between send and delete');
  }
}

describe('outbox relay (PostgreSQL + Redis)', () => {
  let db: TestDatabase;
  let orm: MikroORM<PostgreSqlDriver>;
  const redis = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null });
  const prefix = testQueuePrefix();
  const options = (batch: number): MessagingOptions => ({ redisUrl: 'redis://127.0.0.1:6379', redisClusterNodes: [], prefix, outboxPollMs: 60_000, outboxBatchSize: batch, outboxCoalesceMs: 0 });
  const queues = [QueueNames.orderIntake, QueueNames.quoteRequests].map((name) => new Queue(name, { connection: redis, prefix }));
  const relays: OutboxRelay[] = [];
  const relay = <R extends OutboxRelay>(Kind: new (...args: ConstructorParameters<typeof OutboxRelay>) => R, batch: number): R => {
    const made = new Kind(orm, options(batch), redis);
    relays.push(made);
    return made;
  };

  beforeAll(async () => {
    db = await createTestDatabase('relay');
    orm = await MikroORM.init<PostgreSqlDriver>({ driver: PostgreSqlDriver, clientUrl: db.url, schema: SCHEMA, entities: [OutboxMessage], allowGlobalContext: false, debug: false });
    await orm.em.fork().execute(`create schema "${SCHEMA}"`);
    for (const sql of CREATE_OUTBOX_SQL) await orm.em.fork().execute(sql.replace('"outbox"', `"${SCHEMA}"."outbox"`));
  });

  beforeEach(async () => {
    await orm.em.fork().execute(`delete from "${SCHEMA}"."outbox"`);
    await Promise.all(queues.map((q) => q.obliterate({ force: true })));
  });

  afterAll(async () => {
    await Promise.all(relays.map((r) => r.onApplicationShutdown()));
    await Promise.all(queues.map(async (q) => (await q.obliterate({ force: true }), await q.close())));
    await redis.quit();
    await orm.close(true);
    await db.drop();
  });

  /** Writes `count` jobs through the outbox writer, alternating between two queues; answers the row ids in write order. */
  async function writeJobs(count: number): Promise<string[]> {
    // The writer nudges its relay after the commit: that one is stopped, so only the relays under test move rows.
    const idle = relay(OutboxRelay, 1);
    await idle.onApplicationShutdown();
    const writer = new OutboxWriter(orm, idle);
    const jobs: RoutedJob[] = Array.from({ length: count }, (_, i) =>
      i % 2 === 0 ? { queue: QueueNames.orderIntake, data: recordedJob(i) } : { queue: QueueNames.quoteRequests, data: quoteJob(i) },
    );
    await writer.transaction(orm.em as EntityManager, (tx) => writer.add(tx, jobs));
    const rows = await orm.em.fork().execute<{ id: string }[]>(`select "id" from "${SCHEMA}"."outbox" order by "id"`);
    return rows.map((r) => r.id);
  }

  const jobIds = async (queue: Queue): Promise<string[]> => (await queue.getJobs(['waiting'], 0, -1, true)).map((j) => j.id ?? '');
  const outboxCount = async (): Promise<number> => Number((await orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from "${SCHEMA}"."outbox"`))[0].n);

  it('moves rows in batches of the configured size, each queue in the order the rows were written', async () => {
    const ids = await writeJobs(1_250);
    const batched = relay(OutboxRelay, 500);
    const moved = [await batched.relayBatch(), await batched.relayBatch(), await batched.relayBatch(), await batched.relayBatch()];
    expect(moved).toEqual([500, 500, 250, 0]);
    expect(await outboxCount()).toBe(0);
    const [intake, quotes] = await Promise.all(queues.map(jobIds));
    expect(intake).toEqual(ids.filter((_, i) => i % 2 === 0));
    expect(quotes).toEqual(ids.filter((_, i) => i % 2 === 1));
    const [first] = await queues[0].getJobs(['waiting'], 0, 0, true);
    expect(first.name).toBe('integration-event.recorded');
    expect(first.opts.attempts).toBe(12);
  });

  it('a crash between send and delete keeps the rows; the next pass sends them again and BullMQ keeps one job per row', async () => {
    const ids = await writeJobs(40);
    await expect(relay(CrashingRelay, 100).relayBatch()).rejects.toThrow('crashed between send and delete');
    expect(await outboxCount()).toBe(40);
    const afterCrash = (await Promise.all(queues.map(jobIds))).flat();
    expect(afterCrash.sort()).toEqual([...ids].sort());

    expect(await relay(OutboxRelay, 100).relayBatch()).toBe(40);
    expect(await outboxCount()).toBe(0);
    const afterResend = (await Promise.all(queues.map(jobIds))).flat();
    expect(afterResend).toHaveLength(40);
    expect(afterResend.sort()).toEqual([...ids].sort());
  });

  it('a pass that moves one row sends it as one job, with its name, options and id, and a re-send keeps one job', async () => {
    const [id] = await writeJobs(1);
    await expect(relay(CrashingRelay, 100).relayBatch()).rejects.toThrow('crashed between send and delete');
    expect(await relay(OutboxRelay, 100).relayBatch()).toBe(1);
    expect(await outboxCount()).toBe(0);
    const jobs = await queues[0].getJobs(['waiting'], 0, -1, true);
    expect(jobs.map((j) => j.id)).toEqual([id]);
    expect(jobs[0].name).toBe('integration-event.recorded');
    expect(jobs[0].opts.attempts).toBe(12);
    expect(jobs[0].data).toEqual(recordedJob(0));
  });

  it('two relays draining at once share the rows: each row is sent by exactly one of them', async () => {
    const ids = await writeJobs(2_000);
    const [a, b] = [relay(RecordingRelay, 50), relay(RecordingRelay, 50)];
    const drain = async (r: OutboxRelay) => {
      while ((await r.relayBatch()) > 0);
    };
    await Promise.all([drain(a), drain(b)]);
    expect(await outboxCount()).toBe(0);
    expect(a.sent.length + b.sent.length).toBe(2_000);
    expect(a.sent.filter((id) => b.sent.includes(id))).toEqual([]);
    expect([...a.sent, ...b.sent].sort()).toEqual([...ids].sort());
    expect((await Promise.all(queues.map(jobIds))).flat()).toHaveLength(2_000);
  });
});

function recordedJob(i: number) {
  return {
    v: 1 as const,
    name: 'integration-event.recorded' as const,
    eventId: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    connectionId: 'c',
    clientId: 'k',
    courierId: 'r',
    platform: 'generic' as const,
    receivedAt: new Date(0).toISOString(),
    externalEventId: `e-${i}`,
    externalOrderId: null,
    outcome: 'IGNORED' as const,
    reason: 'relay test',
    duplicateOf: null,
  };
}

function quoteJob(i: number) {
  const task = { address: { line1: '1 Main St', city: 'X', postalCode: '1', country: 'US' }, contact: { name: 'A' }, completeAfter: null, completeBefore: null, notes: null };
  return {
    v: 1 as const,
    name: 'quote.requested' as const,
    clientId: 'k',
    courierId: 'r',
    order: { pickup: task, dropoff: task, readyBy: new Date(0).toISOString(), dueBy: null, weight: null, pieces: i, serviceCode: null },
    correlationId: `q-${i}`,
  };
}
