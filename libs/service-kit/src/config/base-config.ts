import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

/**
 * Environment every app reads, validated at start with working local defaults (ARCHITECTURE 11).
 * One set of names for all four apps, so one environment can start the whole system.
 */
export const BaseConfigSchema = z.object({
  NODE_ENV: z.string().default('development'),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Log lines are gathered up to this many bytes before one write (and written at least every
   * 250 ms, and on exit): a write per line cost the gateway a thread-pool hop per delivery. 0 writes
   * each line as it comes.
   */
  LOG_BUFFER_BYTES: z.coerce.number().int().min(0).max(65_536).default(4096),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/portal'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /**
   * Seed nodes of a Redis Cluster (`host:port,host:port`); when set, every connection is a Cluster
   * client (REDIS_URL then gives only credentials and TLS) and QUEUE_PREFIX must be a {hash tag}.
   */
  REDIS_CLUSTER_NODES: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((n) => n.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[^:\s]+:\d{1,5}$/, 'each node is host:port'))),
  QUEUE_PREFIX: z.string().min(1).default('bull'),
  INGESTION_GATEWAY_PORT: port(3000),
  CLIENT_SETTINGS_PORT: port(3001),
  ORDER_MANAGEMENT_PORT: port(3002),
  QUOTING_PORT: port(3003),
  /**
   * Outbox relay: how often it looks for rows that no in-process nudge picked up (a crashed
   * replica's, a pass that failed). Every commit nudges its own relay, so this is only the safety
   * net; at 250 ms the empty passes were two thirds of an idle app's CPU.
   */
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  /**
   * How long a nudged relay waits before its pass, so that the rows committed meanwhile go in one
   * transaction and one queue call. A pass costs the same for one row as for fifty (two round
   * trips to PostgreSQL and one to Redis, each waking both ends): at 100 deliveries a second, 25 ms
   * against 5 ms cut the whole system's CPU per order by a fifth and added about 30 ms to webhook
   * -> order.created, far inside its 250 ms target.
   */
  OUTBOX_COALESCE_MS: z.coerce.number().int().min(0).max(1000).default(25),
  /** How often "last seen" activity (API key uses, connection deliveries) kept in memory is written out. */
  ACTIVITY_FLUSH_MS: z.coerce.number().int().min(10).max(300_000).default(5000),
});
export type BaseConfig = z.infer<typeof BaseConfigSchema>;

export class ConfigError extends Error {}

/** Parses the environment once at start; a bad setting stops the app with every problem named. */
export function loadConfig<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  return result.data;
}

/**
 * The operator token has no default inside the apps: a deployment that forgets it must not run with
 * a well-known one. `npm start` (and the compose file) set the local default and say so.
 */
export const OperatorTokenSchema = z.string().min(12, 'must be at least 12 characters');

/** Injection token for the app's parsed configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
