import { BullBoardModule } from '@bull-board/nestjs';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { orderEventsQueueName, QueueNames } from '@portal/contracts';

/**
 * The operators' view of every queue (failed jobs are the dead-letter record: inspect, retry or
 * remove them here). Mounted at /queues, behind the operator token.
 */
@Module({})
export class QueueDashboardModule {
  static forSubscribers(subscribers: string[]): DynamicModule {
    // Settings queues are left out: the gateway's carries signing secrets, and none holds orders.
    const names = [QueueNames.orderIntake, QueueNames.quoteRequests, QueueNames.quotedOrders, ...subscribers.map(orderEventsQueueName)];
    return {
      module: QueueDashboardModule,
      imports: [
        BullModule.registerQueue(...names.map((name) => ({ name }))),
        BullBoardModule.forRoot({ route: '/queues', adapter: FastifyAdapter }),
        BullBoardModule.forFeature(...names.map((name) => ({ name, adapter: BullMQAdapter }))),
      ],
    };
  }
}
