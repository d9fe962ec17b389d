import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, RateTable } from '@portal/contracts';
import { ApiErrorResponse, ApiKeyGuard, CourierOnly, CurrentPrincipal, Principal } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { CreateRateTableDto, PageQueryDto, RateTableDto, RateTablePageDto, UpdateRateTableDto } from '../dto';
import { CreateRateTableUseCase } from './create-rate-table.use-case';
import { DeleteRateTableUseCase } from './delete-rate-table.use-case';
import { GetRateTableUseCase } from './get-rate-table.use-case';
import { ListRateTablesUseCase } from './list-rate-tables.use-case';
import { UpdateRateTableUseCase } from './update-rate-table.use-case';

@ApiTags('rate tables')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@CourierOnly()
@Controller('v1/rate-tables')
export class RateTablesController {
  constructor(
    private readonly createRateTableUseCase: CreateRateTableUseCase,
    private readonly listRateTablesUseCase: ListRateTablesUseCase,
    private readonly getRateTableUseCase: GetRateTableUseCase,
    private readonly updateRateTableUseCase: UpdateRateTableUseCase,
    private readonly deleteRateTableUseCase: DeleteRateTableUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Define a rate table: currency, base rate, threshold modifiers, minimum and maximum (minor units).' })
  @ZodResponse({ status: 201, type: RateTableDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateRateTableDto): Promise<RateTable> {
    return this.createRateTableUseCase.execute({ principal, body });
  }

  @Get()
  @ZodResponse({ status: 200, type: RateTablePageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<Page<RateTable>> {
    return this.listRateTablesUseCase.execute({ principal, query });
  }

  @Get(':rateTableId')
  @ZodResponse({ status: 200, type: RateTableDto })
  get(@CurrentPrincipal() principal: Principal, @Param('rateTableId') rateTableId: string): Promise<RateTable> {
    return this.getRateTableUseCase.execute({ principal, rateTableId });
  }

  @Patch(':rateTableId')
  @ApiOperation({ summary: 'Change a rate table; the next quote of every client using it uses the new rates.' })
  @ZodResponse({ status: 200, type: RateTableDto })
  update(@CurrentPrincipal() principal: Principal, @Param('rateTableId') rateTableId: string, @Body() body: UpdateRateTableDto): Promise<RateTable> {
    return this.updateRateTableUseCase.execute({ principal, rateTableId, body });
  }

  @Delete(':rateTableId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a rate table that no client uses (409 while one does: reassign first).' })
  @ApiErrorResponse(409, 'A client service pair still uses this rate table: assign those clients another table first (CONFLICT).')
  remove(@CurrentPrincipal() principal: Principal, @Param('rateTableId') rateTableId: string): Promise<void> {
    return this.deleteRateTableUseCase.execute({ principal, rateTableId });
  }
}
