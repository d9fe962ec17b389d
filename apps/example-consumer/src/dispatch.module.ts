import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Pool } from 'pg';
import type { ConsumerConfig } from './consumer-config';
import { OrderEventsController } from './order-events.controller';
import { DATABASE_POOL, PickupRequests } from './pickup-requests.repository';

@Module({})
export class DispatchModule {
  static forRoot(config: ConsumerConfig): DynamicModule {
    return {
      module: DispatchModule,
      imports: [LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL, base: { service: 'dispatch' } } })],
      controllers: [OrderEventsController],
      providers: [{ provide: DATABASE_POOL, useFactory: () => new Pool({ connectionString: config.DATABASE_URL }) }, PickupRequests],
    };
  }
}
