import type { RedisOptions } from 'ioredis';

/**
 * Workers block on Redis and must ride out reconnects (maxRetriesPerRequest: null, as BullMQ
 * requires); producers on an HTTP path must fail fast so the caller gets a 503 instead of a hang.
 * No ioredis keyPrefix: BullMQ's own prefix is the only one (ARCHITECTURE 7).
 */
export function redisOptions(url: string, role: 'worker' | 'producer'): RedisOptions {
  const parsed = new URL(url);
  const base: RedisOptions = {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
  };
  return role === 'worker'
    ? { ...base, maxRetriesPerRequest: null, enableReadyCheck: true }
    : { ...base, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 };
}
