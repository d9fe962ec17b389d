import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IntegrationEvent, Page } from '@portal/contracts';
import { ApiKeyGuard, CurrentPrincipal, decodeCursor, Principal, toPage } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { IntegrationEventPageDto, ListIntegrationEventsQueryDto } from '../dto';
import { IntegrationEventRecord } from '../entities/integration-event.entity';
import { tenantFilter } from '../tenant-filter';

const toView = (e: IntegrationEventRecord): IntegrationEvent => ({
  id: e.id,
  connectionId: e.connectionId,
  clientId: e.clientId,
  platform: e.platform,
  externalEventId: e.externalEventId,
  externalOrderId: e.externalOrderId,
  receivedAt: e.receivedAt.toISOString(),
  outcome: e.outcome,
  orderId: e.orderId,
  reason: e.reason,
});

@ApiTags('integration events')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/integration-events')
export class IntegrationEventsController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @ApiOperation({ summary: 'What arrived from each connection and what became of it, newest first.' })
  @ZodResponse({ status: 200, type: IntegrationEventPageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListIntegrationEventsQueryDto): Promise<Page<IntegrationEvent>> {
    const before = decodeCursor(query.cursor);
    const rows = await this.em.find(
      IntegrationEventRecord,
      {
        ...tenantFilter(principal, query.clientId),
        ...(query.outcome ? { outcome: query.outcome } : {}),
        ...(before ? { id: { $lt: before } } : {}),
      },
      { orderBy: { id: 'desc' }, limit: query.limit + 1 },
    );
    return toPage(rows, query.limit, toView);
  }
}
