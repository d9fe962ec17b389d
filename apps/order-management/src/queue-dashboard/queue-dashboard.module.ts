import { BullBoardModule } from '@bull-board/nestjs';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { orderEventsQueueName, QueueNames } from '@portal/contracts';
import { QueueMetrics, WATCHED_QUEUES } from './queue-metrics';

/**
 * The operators' view of the order queues: the dashboard at /queues, behind the operator token
 * (failed jobs are the dead-letter record: inspect, retry or remove them there), and their depths on
 * /metrics.
 */
@Module({})
export class QueueDashboardModule {
  static forSubscribers(subscribers: string[]): DynamicModule {
    // Settings queues are left out: the gateway's carries signing secrets, and none holds orders.
    const names = [QueueNames.orderIntake, QueueNames.quoteRequests, QueueNames.quotePreviews, QueueNames.quotedOrders, ...subscribers.map(orderEventsQueueName)];
    return {
      module: QueueDashboardModule,
      imports: [
        BullModule.registerQueue(...names.map((name) => ({ name }))),
        BullBoardModule.forRoot({ route: '/queues', adapter: FastifyAdapter }),
        BullBoardModule.forFeature(...names.map((name) => ({ name, adapter: BullMQAdapter }))),
      ],
      providers: [{ provide: WATCHED_QUEUES, useValue: names }, QueueMetrics],
    };
  }
}
