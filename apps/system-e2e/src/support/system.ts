import { Redis } from 'ioredis';
import { startSystem, type RunningSystem, type SystemOptions } from '@portal/system-harness';
import { ApiClient } from './api';

export const E2E_SUBSCRIBER = 'e2e';

export interface E2eSystem {
  system: RunningSystem;
  settings: (token?: string) => ApiClient;
  orders: (token?: string) => ApiClient;
  gateway: ApiClient;
  stop: () => Promise<void>;
}

/**
 * Starts all four apps with an extra `e2e` order-event subscriber next to `default`; `options`
 * passes on replicas, a Redis Cluster to run on, or the console in front of the apps.
 */
export async function startE2eSystem(env: Record<string, string> = {}, options: Pick<SystemOptions, 'replicas' | 'redisClusterNodes' | 'console'> = {}): Promise<E2eSystem> {
  const system = await startSystem({ env: { ORDER_EVENT_SUBSCRIBERS: `default,${E2E_SUBSCRIBER}`, ...env }, ...options });
  return {
    system,
    settings: (token) => new ApiClient(system.urls['client-settings'], token),
    orders: (token) => new ApiClient(system.urls['order-management'], token),
    gateway: new ApiClient(system.urls['ingestion-gateway']),
    stop: async () => {
      await system.stop();
      // A cluster is the run's own and goes away whole.
      if (system.redisClusterNodes.length === 0) await deleteQueueKeys(system.redisUrl, system.queuePrefix).catch(() => undefined);
    },
  };
}

/** Removes this run's BullMQ keys so test runs do not pile up in the local Redis. */
async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

/** The run's Redis keys whose value holds any of these strings (every type BullMQ uses). */
export async function redisKeysContaining(redisUrl: string, prefix: string, needles: string[]): Promise<string[]> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  try {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        const values =
          type === 'hash' ? Object.values(await redis.hgetall(key))
          : type === 'list' ? await redis.lrange(key, '0', '-1')
          : type === 'zset' ? await redis.zrange(key, '0', '-1')
          : type === 'set' ? await redis.smembers(key)
          : type === 'string' ? [(await redis.get(key)) ?? '']
          : type === 'stream' ? (await redis.xrange(key, '-', '+')).flatMap(([, fields]) => fields)
          : [];
        if (values.some((v) => needles.some((n) => v.includes(n)))) found.push(key);
      }
    } while (cursor !== '0');
    return found;
  } finally {
    await redis.quit();
  }
}
