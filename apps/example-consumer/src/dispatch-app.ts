import type { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { BullMqExceptionFilter, BullMqServer } from '@portal/bullmq-transport';
import { ORDER_EVENT_SCHEMAS, orderEventsQueueName } from '@portal/contracts';
import { Logger } from 'nestjs-pino';
import { ConsumerConfigSchema } from './consumer-config';
import { DispatchModule } from './dispatch.module';

/** The whole service, configured from the environment; main.ts starts it, and so do its tests. */
export async function createDispatchApp(env: NodeJS.ProcessEnv): Promise<INestMicroservice> {
  const config = ConsumerConfigSchema.parse(env);
  const strategy = new BullMqServer({
    connection: config.REDIS_URL,
    prefix: config.QUEUE_PREFIX,
    queues: [orderEventsQueueName(config.ORDER_EVENTS_SUBSCRIBER)],
    concurrency: config.ORDER_EVENTS_CONCURRENCY,
    schemas: ORDER_EVENT_SCHEMAS,
  });
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(DispatchModule.forRoot(config), { strategy, bufferLogs: true });
  app.useLogger(app.get(Logger));
  // Hands a handler's own error to BullMQ, so the failed job shows the real reason.
  app.useGlobalFilters(new BullMqExceptionFilter());
  app.enableShutdownHooks();
  return app;
}
