import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { INTEGRATION_SUMMARY_DEFAULT_HOURS, INTEGRATION_SUMMARY_MAX_CLIENTS, INTEGRATION_SUMMARY_MAX_DAYS, type IntegrationSummary } from '@portal/contracts';
import { ApiKeyGuard, CurrentPrincipal, Principal } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { IntegrationSummaryDto, IntegrationSummaryQueryDto } from '../dto';
import { IntegrationSummaryUseCase } from './integration-summary.use-case';

@ApiTags('integration events')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/integration-summary')
export class IntegrationSummaryController {
  constructor(private readonly summary: IntegrationSummaryUseCase) {}

  @Get()
  @ApiOperation({
    summary: 'How each client\'s integrations are doing: orders placed and cancelled, events received, rejected, failed and ignored since `since`, drafts waiting now.',
    description:
      `One row per client the key sees that ever had an order or an event, sorted by clientId; not a list: no cursor, ` +
      `at most ${INTEGRATION_SUMMARY_MAX_CLIENTS} rows (the first by clientId; narrow with clientId for others). ` +
      `\`since\` defaults to ${INTEGRATION_SUMMARY_DEFAULT_HOURS} hours ago and may reach back ${INTEGRATION_SUMMARY_MAX_DAYS} days.`,
  })
  @ZodResponse({ status: 200, type: IntegrationSummaryDto })
  get(@CurrentPrincipal() principal: Principal, @Query() query: IntegrationSummaryQueryDto): Promise<IntegrationSummary> {
    return this.summary.execute({ principal, query });
  }
}
