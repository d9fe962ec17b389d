import { IntegrationEventSchema, ListIntegrationEventsQuerySchema, ListOrdersQuerySchema, OrderSchema, pageOf } from '@portal/contracts';
import { createZodDto } from 'nestjs-zod';

export class ListOrdersQueryDto extends createZodDto(ListOrdersQuerySchema) {}
export class ListIntegrationEventsQueryDto extends createZodDto(ListIntegrationEventsQuerySchema) {}
export class OrderDto extends createZodDto(OrderSchema) {}
export class OrderPageDto extends createZodDto(pageOf(OrderSchema)) {}
export class IntegrationEventPageDto extends createZodDto(pageOf(IntegrationEventSchema)) {}
