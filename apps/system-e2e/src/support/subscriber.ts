import { Controller, Inject, Module, type DynamicModule, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload, type MicroserviceOptions } from '@nestjs/microservices';
import { BullMqContext, BullMqExceptionFilter, BullMqServer } from '@portal/bullmq-transport';
import {
  ORDER_EVENT_SCHEMAS,
  ORDER_EVENT_TYPES,
  OrderCreatedEventSchema,
  orderEventsQueueName,
  type OrderCreatedEvent,
  type OrderEvent,
} from '@portal/contracts';

export interface ReceivedJob {
  name: string;
  /** The event as its handler received it: already checked against its schema. */
  data: unknown;
  receivedAt: number;
}

const RECEIVED = Symbol('RECEIVED');

@Controller()
class OrderEventsRecorder {
  constructor(@Inject(RECEIVED) private readonly received: ReceivedJob[]) {}

  // Every order event type, so a type added to the contracts is collected without touching this.
  @EventPattern(ORDER_EVENT_TYPES)
  record(@Payload() event: OrderEvent, @Ctx() context: BullMqContext): void {
    this.received.push({ name: context.getPattern(), data: event, receivedAt: Date.now() });
  }
}

@Module({})
class SubscriberModule {
  static recordingInto(received: ReceivedJob[]): DynamicModule {
    return { module: SubscriberModule, controllers: [OrderEventsRecorder], providers: [{ provide: RECEIVED, useValue: received }] };
  }
}

/**
 * Consumes `order-events-<subscriber>` as an internal NestJS service would: a microservice on the
 * BullMQ transport with an `@EventPattern` handler per event type, keeping every event it receives.
 */
export class SubscriberCollector {
  readonly jobs: ReceivedJob[] = [];
  private readonly started: Promise<INestMicroservice>;

  constructor(redisUrl: string, prefix: string, subscriber: string, clusterNodes: readonly string[] = []) {
    this.started = this.start(redisUrl, prefix, subscriber, clusterNodes);
    // ready() reports a failed start; this keeps it from also surfacing as an unhandled rejection.
    this.started.catch(() => undefined);
  }

  async ready(): Promise<void> {
    await this.started;
  }

  /** Every `order.created` event, checked against the contract. */
  orderCreated(): OrderCreatedEvent[] {
    return this.jobs.filter((j) => j.name === 'order.created').map((j) => OrderCreatedEventSchema.parse(j.data));
  }

  /** Received events whose order is this one. */
  jobsForOrder(orderId: string): ReceivedJob[] {
    return this.jobs.filter((j) => (j.data as OrderEvent).order.id === orderId);
  }

  async close(): Promise<void> {
    const app = await this.started.catch(() => null);
    await app?.close();
  }

  private async start(redisUrl: string, prefix: string, subscriber: string, clusterNodes: readonly string[]): Promise<INestMicroservice> {
    const strategy = new BullMqServer({
      connection: redisUrl,
      clusterNodes,
      prefix,
      queues: [orderEventsQueueName(subscriber)],
      concurrency: 10,
      schemas: ORDER_EVENT_SCHEMAS,
    });
    const app = await NestFactory.createMicroservice<MicroserviceOptions>(SubscriberModule.recordingInto(this.jobs), {
      strategy,
      logger: ['error', 'warn'],
    });
    app.useGlobalFilters(new BullMqExceptionFilter());
    await app.listen();
    return app;
  }
}
