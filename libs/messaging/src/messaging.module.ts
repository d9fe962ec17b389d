import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, FactoryProvider, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Cluster, Redis } from 'ioredis';
import { MESSAGING_OPTIONS, MessagingOptions, PRODUCER_REDIS } from './messaging-options';
import { closeRedis } from './close-redis';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';
import { bullConnection, redisClient } from './redis-connection';

export interface MessagingModuleOptions {
  /** Queues this app consumes: registering them is what starts its @Processor workers. */
  consumes: string[];
  /** Whether the app writes to an outbox table of its own, which then needs a relay. */
  outbox: boolean;
  useFactory: FactoryProvider<MessagingOptions>['useFactory'];
  inject?: FactoryProvider['inject'];
}

/**
 * BullMQ for the app's processors (@nestjs/bullmq, which closes workers gracefully on shutdown,
 * letting in-flight jobs finish), a fail-fast Redis connection for producers and health checks,
 * and the outbox relay.
 */
@Global()
@Module({})
export class MessagingModule implements OnApplicationShutdown {
  constructor(@Inject(PRODUCER_REDIS) private readonly redis: Redis | Cluster) {}

  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const optionsProvider: FactoryProvider<MessagingOptions> = {
      provide: MESSAGING_OPTIONS,
      useFactory: options.useFactory,
      inject: options.inject ?? [],
    };
    return {
      module: MessagingModule,
      imports: [
        BullModule.forRootAsync({
          extraProviders: [optionsProvider],
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingOptions) => ({
            connection: bullConnection(o, 'worker'),
            prefix: o.prefix,
          }),
        }),
        BullModule.registerQueue(...options.consumes.map((name) => ({ name }))),
      ],
      providers: [
        optionsProvider,
        {
          provide: PRODUCER_REDIS,
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingOptions) => redisClient(o, 'producer'),
        },
        ...(options.outbox ? [OutboxRelay, OutboxWriter] : []),
      ],
      exports: [MESSAGING_OPTIONS, PRODUCER_REDIS, BullModule, ...(options.outbox ? [OutboxWriter] : [])],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }
}
