import { AppError } from '@portal/service-kit';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import type { GatewayConfig } from '../src/config';
import { ConnectionRateLimiter, leaseSize } from '../src/hooks/connection-rate-limiter';

/** Two replicas' limiters sharing one Redis, as two gateway processes would. */
describe('ConnectionRateLimiter (real Redis, leases)', () => {
  const redis = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: false });
  const prefix = `test-rate-${randomBytes(4).toString('hex')}`;
  const replica = (points: number) =>
    new ConnectionRateLimiter({ GATEWAY_RATE_LIMIT_PER_SECOND: points } as GatewayConfig, redis, { prefix } as never);

  // The limiters fall back to a per-replica memory limit while Redis is not ready: start when it is.
  beforeAll(async () => {
    await redis.ping();
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  const outcomes = async (limiters: ConnectionRateLimiter[], connectionId: string, deliveries: number) => {
    const results = await Promise.allSettled(Array.from({ length: deliveries }, (_, i) => limiters[i % limiters.length].consume(connectionId)));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as AppError);
    return { accepted: results.length - refused.length, refused };
  };

  it('leases a twentieth of the limit, between 1 and 50 points', () => {
    expect([3, 20, 100, 1000, 100000].map(leaseSize)).toEqual([1, 1, 5, 50, 50]);
  });

  it('never lets two replicas together past the limit, and holds back at most a lease per replica', async () => {
    const limiters = [replica(100), replica(100)];
    const { accepted, refused } = await outcomes(limiters, 'conn-shared', 150);
    expect(accepted).toBeLessThanOrEqual(100);
    expect(accepted).toBeGreaterThanOrEqual(100 - 2 * leaseSize(100));
    expect(refused.length).toBe(150 - accepted);
    for (const error of refused) {
      expect(error.code).toBe('RATE_LIMITED');
      expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
  });

  it('counts each connection on its own, and opens a new window a second later', async () => {
    const limiters = [replica(100)];
    expect((await outcomes(limiters, 'conn-a', 100)).accepted).toBe(100);
    expect((await outcomes(limiters, 'conn-b', 40)).accepted).toBe(40);
    expect((await outcomes(limiters, 'conn-a', 1)).accepted).toBe(0);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await outcomes(limiters, 'conn-a', 60)).accepted).toBe(60);
  });

  it('spends leased points without asking Redis for each delivery', async () => {
    const limiters = [replica(1000)];
    const key = `${prefix}:gateway-rate:conn-calls`;
    const monitor = await redis.monitor();
    const calls: string[][] = [];
    monitor.on('monitor', (_time: string, args: string[]) => {
      // The limiter's script, not the commands it runs inside Redis.
      if (/^eval/i.test(args[0]) && args.includes(key)) calls.push(args);
    });
    await outcomes(limiters, 'conn-calls', 200);
    await new Promise((r) => setTimeout(r, 100));
    monitor.disconnect();
    // 200 deliveries, leases of 50: Redis counted 200 points in 4 calls.
    expect(Number(await redis.get(key))).toBe(200);
    expect(calls).toHaveLength(4);
  });
});
