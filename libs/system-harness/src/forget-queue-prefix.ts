import { Redis } from 'ioredis';

/**
 * Deletes every key under a run's queue prefix, as the run's database is dropped: each system test
 * or benchmark run otherwise left its queues (about two thousand keys for a benchmark, kept
 * completed jobs mostly) in the developer's Redis for good. UNLINK frees them off Redis's main thread.
 */
export async function forgetQueuePrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
