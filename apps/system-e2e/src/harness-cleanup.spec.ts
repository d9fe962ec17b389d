import { forgetQueuePrefix } from '@portal/system-harness';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** A run's queues leave Redis with the run: what the harness's stop relies on. */
describe('forgetting a run queue prefix (harness)', () => {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const run = `test-forget-${randomBytes(4).toString('hex')}`;
  const neighbour = `${run}x`;
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(redisUrl);
  });

  afterAll(async () => {
    await forgetQueuePrefix(redisUrl, neighbour);
    redis.disconnect();
  });

  it('deletes every key of the run, over several scan pages, and nothing of a prefix that only starts the same', async () => {
    const pipeline = redis.pipeline();
    for (let i = 0; i < 2500; i++) pipeline.set(`${run}:order-intake:${i}`, 'x');
    pipeline.hset(`${run}:order-intake:meta`, 'opts.maxLenEvents', '10000');
    pipeline.set(`${neighbour}:order-intake:1`, 'kept');
    await pipeline.exec();

    await forgetQueuePrefix(redisUrl, run);

    expect(await redis.keys(`${run}:*`)).toEqual([]);
    expect(await redis.get(`${neighbour}:order-intake:1`)).toBe('kept');
  });
});
