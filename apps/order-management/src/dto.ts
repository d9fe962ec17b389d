import {
  IntegrationEventSchema,
  IntegrationSummaryQuerySchema,
  IntegrationSummarySchema,
  ListIntegrationEventsQuerySchema,
  ListOrdersQuerySchema,
  OrderSchema,
  pageOf,
  QuoteRequestSchema,
  QuoteResultSchema,
  ReplayAcceptedSchema,
  ReplayEventsRequestSchema,
  ReplaysAcceptedSchema,
  UpdateDraftSchema,
} from '@portal/contracts';
import { createZodDto } from '@portal/service-kit';

export class ListOrdersQueryDto extends createZodDto(ListOrdersQuerySchema) {}
export class ListIntegrationEventsQueryDto extends createZodDto(ListIntegrationEventsQuerySchema) {}
export class OrderDto extends createZodDto(OrderSchema) {}
export class OrderPageDto extends createZodDto(pageOf(OrderSchema)) {}
export class IntegrationEventPageDto extends createZodDto(pageOf(IntegrationEventSchema)) {}
export class IntegrationSummaryQueryDto extends createZodDto(IntegrationSummaryQuerySchema) {}
export class IntegrationSummaryDto extends createZodDto(IntegrationSummarySchema) {}
export class UpdateDraftDto extends createZodDto(UpdateDraftSchema) {}
export class QuoteRequestDto extends createZodDto(QuoteRequestSchema) {}
export class QuoteResultDto extends createZodDto(QuoteResultSchema) {}
export class ReplayEventsRequestDto extends createZodDto(ReplayEventsRequestSchema) {}
export class ReplayAcceptedDto extends createZodDto(ReplayAcceptedSchema) {}
export class ReplaysAcceptedDto extends createZodDto(ReplaysAcceptedSchema) {}
