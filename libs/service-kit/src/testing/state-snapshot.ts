import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { Client } from 'pg';

/** Every table of a schema (row count and a hash of every row) and every Redis key of a prefix (a hash of its content). */
export interface StateSnapshot {
  tables: Record<string, { rows: number; hash: string }>;
  keys: Record<string, string>;
}

export interface StateSource {
  databaseUrl: string;
  schema: string;
  redisUrl: string;
  queuePrefix: string;
  /** Keys that change on their own: BullMQ's stalled-check throttle always; add e.g. a rate limiter's counters. */
  ignoreKeys?: RegExp;
  /** Columns that record use rather than state (a key's last use), left out of each table's hash. */
  ignoreColumns?: Record<string, readonly string[]>;
}

const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

async function tableStates(databaseUrl: string, schema: string, ignoreColumns: StateSource['ignoreColumns'] = {}): Promise<StateSnapshot['tables']> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows: tables } = await db.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = $1 order by 1`, [schema]);
    const states: StateSnapshot['tables'] = {};
    for (const { name } of tables) {
      const quoted = `"${schema.replaceAll('"', '""')}"."${name.replaceAll('"', '""')}"`;
      const ignored = ignoreColumns[name] ?? [];
      const row = ignored.length > 0 ? `(to_jsonb(t) - array[${ignored.map((c) => `'${c.replaceAll("'", "''")}'`).join(', ')}])::text` : 't::text';
      const { rows } = await db.query<{ rows: number; hash: string }>(`select count(*)::int as rows, md5(coalesce(string_agg(${row}, E'\\n' order by ${row}), '')) as hash from ${quoted} t`);
      states[name] = rows[0];
    }
    return states;
  } finally {
    await db.end();
  }
}

async function keyContent(redis: Redis, key: string): Promise<unknown> {
  const type = await redis.type(key);
  switch (type) {
    case 'string':
      return [type, await redis.get(key)];
    case 'hash':
      return [type, Object.entries(await redis.hgetall(key)).sort()];
    case 'list':
      return [type, await redis.lrange(key, 0, -1)];
    case 'set':
      return [type, (await redis.smembers(key)).sort()];
    case 'zset':
      return [type, await redis.zrange(key, '0', '-1', 'WITHSCORES')];
    case 'stream':
      return [type, await redis.xrange(key, '-', '+')];
    default:
      return [type];
  }
}

async function keyStates(source: StateSource): Promise<StateSnapshot['keys']> {
  const redis = new Redis(source.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
  await redis.connect();
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${source.queuePrefix}:*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    const states: StateSnapshot['keys'] = {};
    for (const key of keys.sort()) {
      if (/:stalled-check$/.test(key) || source.ignoreKeys?.test(key)) continue;
      states[key] = digest(await keyContent(redis, key));
    }
    return states;
  } finally {
    redis.disconnect();
  }
}

export async function snapshotState(source: StateSource): Promise<StateSnapshot> {
  const [tables, keys] = await Promise.all([tableStates(source.databaseUrl, source.schema, source.ignoreColumns), keyStates(source)]);
  return { tables, keys };
}

/**
 * A snapshot once the app has gone quiet (two in a row alike, `quietMs` apart): work already under
 * way when it is called (an outbox row on its way to a queue) has then landed.
 */
export async function settledState(source: StateSource, quietMs = 750, timeoutMs = 30_000): Promise<StateSnapshot> {
  const deadline = Date.now() + timeoutMs;
  let previous = await snapshotState(source);
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const current = await snapshotState(source);
    if (digest(current) === digest(previous) || Date.now() > deadline) return current;
    previous = current;
  }
}

/** What differs between two snapshots, by table and key name (empty when nothing changed). */
export function changedState(before: StateSnapshot, after: StateSnapshot, ignore: { tables?: string[]; keys?: RegExp } = {}): string[] {
  const changed: string[] = [];
  for (const name of new Set([...Object.keys(before.tables), ...Object.keys(after.tables)])) {
    if (ignore.tables?.includes(name)) continue;
    if (digest(before.tables[name]) !== digest(after.tables[name])) changed.push(`table ${name}: ${JSON.stringify(before.tables[name])} -> ${JSON.stringify(after.tables[name])}`);
  }
  for (const key of new Set([...Object.keys(before.keys), ...Object.keys(after.keys)])) {
    if (ignore.keys?.test(key)) continue;
    if (before.keys[key] !== after.keys[key]) changed.push(`key ${key}: ${before.keys[key] ? 'changed' : 'added'}${after.keys[key] ? '' : ' (removed)'}`);
  }
  return changed;
}
