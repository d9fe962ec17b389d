import { Inject, Injectable } from '@nestjs/common';
import { MESSAGING_OPTIONS, MessagingOptions, PRODUCER_REDIS } from '@portal/messaging';
import { APP_CONFIG, AppError } from '@portal/service-kit';
import type { Cluster, Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { GatewayConfig } from '../config';

/**
 * Per-connection limit shared by every gateway replica through Redis. If Redis is unreachable, each
 * replica falls back to a local limit rather than refusing: the event store is PostgreSQL, so
 * deliveries can still be accepted durably.
 */
@Injectable()
export class ConnectionRateLimiter {
  private readonly limiter: RateLimiterRedis;

  constructor(
    @Inject(APP_CONFIG) config: GatewayConfig,
    @Inject(PRODUCER_REDIS) redis: Redis | Cluster,
    @Inject(MESSAGING_OPTIONS) messaging: MessagingOptions,
  ) {
    const points = config.GATEWAY_RATE_LIMIT_PER_SECOND;
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
    try {
      await this.limiter.consume(connectionId);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw new AppError(429, 'RATE_LIMITED', `This connection sent more than ${this.limiter.points} events in a second; retry in ${seconds} s.`, [], seconds);
      }
      throw error;
    }
  }
}
