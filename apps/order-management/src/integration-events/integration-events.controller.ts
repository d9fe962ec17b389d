import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IntegrationEvent, Page, ReplayAccepted, ReplaysAccepted } from '@portal/contracts';
import { ApiKeyGuard, CourierOnly, CurrentPrincipal, Principal } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { IntegrationEventPageDto, ListIntegrationEventsQueryDto, ReplayAcceptedDto, ReplayEventsRequestDto, ReplaysAcceptedDto } from '../dto';
import { ListIntegrationEventsUseCase } from './list-integration-events.use-case';
import { ReplayEventUseCase } from './replay-event.use-case';
import { ReplayMatchingEventsUseCase } from './replay-matching-events.use-case';

@ApiTags('integration events')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/integration-events')
export class IntegrationEventsController {
  constructor(
    private readonly listEvents: ListIntegrationEventsUseCase,
    private readonly replayEvent: ReplayEventUseCase,
    private readonly replayMatching: ReplayMatchingEventsUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'What arrived from each connection and what became of it, newest first; filter by client, connection, outcome, reason code.' })
  @ZodResponse({ status: 200, type: IntegrationEventPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListIntegrationEventsQueryDto): Promise<Page<IntegrationEvent>> {
    return this.listEvents.execute({ principal, query });
  }

  @Post('replay')
  @CourierOnly()
  @HttpCode(202)
  @ApiOperation({ summary: 'Replay every REJECTED, FAILED or IGNORED event matching the filter (not replayed yet) with today\'s configuration; answers how many.' })
  @ZodResponse({ status: 202, type: ReplaysAcceptedDto })
  replayAll(@CurrentPrincipal() principal: Principal, @Body() filter: ReplayEventsRequestDto): Promise<ReplaysAccepted> {
    return this.replayMatching.execute({ principal, filter });
  }

  @Post(':eventId/replay')
  @CourierOnly()
  @HttpCode(202)
  @ApiOperation({ summary: 'Replay one REJECTED, FAILED or IGNORED event with today\'s configuration; the new log entry names replayOf. 409 if it had its effect or is still PENDING.' })
  @ZodResponse({ status: 202, type: ReplayAcceptedDto })
  replay(@CurrentPrincipal() principal: Principal, @Param('eventId') eventId: string): Promise<ReplayAccepted> {
    return this.replayEvent.execute({ principal, eventId });
  }
}
