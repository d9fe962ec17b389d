import { Inject, Injectable } from '@nestjs/common';
import { MESSAGING_OPTIONS, MessagingOptions, PRODUCER_REDIS } from '@portal/messaging';
import { APP_CONFIG, AppError } from '@portal/service-kit';
import type { Cluster, Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { GatewayConfig } from '../config';

/** Points a replica takes from Redis at once: a twentieth of the limit, between 1 and 50. */
export const leaseSize = (points: number): number => Math.min(50, Math.max(1, Math.floor(points / 20)));

interface Lease {
  remaining: number;
  /** When the window the points were counted in closes. */
  expiresAt: number;
}

/**
 * Per-connection limit shared by every gateway replica through Redis. A replica takes points from
 * Redis a lease at a time and spends them locally, so a busy connection costs one Redis call per
 * lease instead of one per delivery (the per-request call was 6% of the gateway's busy time).
 * Every point is counted in Redis before it is spent, so replicas together never exceed the limit;
 * a lease left unspent when its window closes is lost, so a connection sharing its limit across
 * replicas may be held back by up to one lease per replica. Small limits lease one point: exact.
 * If Redis is unreachable, each replica falls back to a local limit rather than refusing: the event
 * store is PostgreSQL, so deliveries can still be accepted durably.
 */
@Injectable()
export class ConnectionRateLimiter {
  private readonly limiter: RateLimiterRedis;
  private readonly lease: number;
  private readonly leases = new Map<string, Lease>();
  private readonly taking = new Map<string, Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) config: GatewayConfig,
    @Inject(PRODUCER_REDIS) redis: Redis | Cluster,
    @Inject(MESSAGING_OPTIONS) messaging: MessagingOptions,
  ) {
    const points = config.GATEWAY_RATE_LIMIT_PER_SECOND;
    this.lease = leaseSize(points);
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${messaging.prefix}:gateway-rate`,
      points,
      duration: 1,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ points, duration: 1 }),
    });
  }

  async consume(connectionId: string): Promise<void> {
    for (;;) {
      if (this.spend(connectionId)) return;
      // One lease request per connection at a time; the others spend what it brings.
      const pending = this.taking.get(connectionId) ?? this.takeLease(connectionId);
      await pending;
    }
  }

  private spend(connectionId: string): boolean {
    const lease = this.leases.get(connectionId);
    if (!lease) return false;
    if (lease.remaining === 0 || lease.expiresAt <= Date.now()) {
      // Only connections that delivered this second keep an entry.
      this.leases.delete(connectionId);
      return false;
    }
    lease.remaining -= 1;
    return true;
  }

  private takeLease(connectionId: string): Promise<void> {
    const taking = this.requestPoints(connectionId).finally(() => this.taking.delete(connectionId));
    this.taking.set(connectionId, taking);
    return taking;
  }

  private async requestPoints(connectionId: string): Promise<void> {
    let granted: number;
    let window: RateLimiterRes;
    try {
      window = await this.limiter.consume(connectionId, this.lease);
      granted = this.lease;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      window = error;
      // Over the limit with this lease: the points that still fitted before it are ours.
      granted = Math.max(0, this.limiter.points - (error.consumedPoints - this.lease));
      if (granted === 0) {
        const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw new AppError(429, 'RATE_LIMITED', `This connection sent more than ${this.limiter.points} events in a second; retry in ${seconds} s.`, [], seconds);
      }
    }
    this.leases.set(connectionId, { remaining: granted, expiresAt: Date.now() + window.msBeforeNext });
  }
}
