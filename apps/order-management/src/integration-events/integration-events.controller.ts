import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IntegrationEvent, Page } from '@portal/contracts';
import { ApiKeyGuard, CurrentPrincipal, Principal } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { IntegrationEventPageDto, ListIntegrationEventsQueryDto } from '../dto';
import { ListIntegrationEventsUseCase } from './list-integration-events.use-case';

@ApiTags('integration events')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/integration-events')
export class IntegrationEventsController {
  constructor(private readonly listEvents: ListIntegrationEventsUseCase) {}

  @Get()
  @ApiOperation({ summary: 'What arrived from each connection and what became of it, newest first.' })
  @ZodResponse({ status: 200, type: IntegrationEventPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListIntegrationEventsQueryDto): Promise<Page<IntegrationEvent>> {
    return this.listEvents.execute({ principal, query });
  }
}
