import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateRateTable, CreateRateTableSchema, Page, RateTable } from '@portal/contracts';
import { ApiErrorResponse, ApiKeyGuard, conflict, CourierOnly, CurrentPrincipal, decodeCursor, notFound, Principal, resourceId, toPage } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { v7 as uuidv7 } from 'uuid';
import { CreateRateTableDto, PageQueryDto, RateTableDto, RateTablePageDto, UpdateRateTableDto } from '../dto';
import { ClientServiceRecord } from '../entities/client-service.entity';
import { RateTableRecord } from '../entities/rate-table.entity';
import { validMerge } from '../merged-body';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { toRateTableView } from './rate-table-view';

const split = ({ name, ...definition }: CreateRateTable) => ({ name, definition });

@ApiTags('rate tables')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@CourierOnly()
@Controller('v1/rate-tables')
export class RateTablesController {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Define a rate table: currency, base rate, threshold modifiers, minimum and maximum (minor units).' })
  @ZodResponse({ status: 201, type: RateTableDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateRateTableDto): Promise<RateTable> {
    const table = await this.publisher.change(this.em, async (tx, version) => {
      const created = tx.create(RateTableRecord, { id: uuidv7(), courierId: principal.courierId, ...split(body), version: await version() });
      await tx.flush();
      await this.publisher.rateTableChanged(tx, created);
      return created;
    });
    return toRateTableView(table);
  }

  @Get()
  @ZodResponse({ status: 200, type: RateTablePageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<Page<RateTable>> {
    const before = decodeCursor(query.cursor);
    const rows = await this.em.find(
      RateTableRecord,
      { courierId: principal.courierId, deletedAt: null, ...(before ? { id: { $lt: before } } : {}) },
      { orderBy: { id: 'desc' }, limit: query.limit + 1 },
    );
    return toPage(rows, query.limit, toRateTableView);
  }

  @Get(':rateTableId')
  @ZodResponse({ status: 200, type: RateTableDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('rateTableId') rateTableId: string): Promise<RateTable> {
    return toRateTableView(await this.find(this.em, principal, rateTableId));
  }

  @Patch(':rateTableId')
  @ApiOperation({ summary: 'Change a rate table; the next quote of every client using it uses the new rates.' })
  @ZodResponse({ status: 200, type: RateTableDto })
  async update(@CurrentPrincipal() principal: Principal, @Param('rateTableId') rateTableId: string, @Body() body: UpdateRateTableDto): Promise<RateTable> {
    const table = await this.publisher.change(this.em, async (tx, version) => {
      const found = await this.find(tx, principal, rateTableId, true);
      const merged = validMerge(CreateRateTableSchema, { name: found.name, ...found.definition, ...body });
      tx.assign(found, { ...split(merged), updatedAt: new Date(), version: await version() });
      await tx.flush();
      await this.publisher.rateTableChanged(tx, found);
      return found;
    });
    return toRateTableView(table);
  }

  @Delete(':rateTableId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a rate table that no client uses (409 while one does: reassign first).' })
  @ApiErrorResponse(409, 'A client service pair still uses this rate table: assign those clients another table first (CONFLICT).')
  async remove(@CurrentPrincipal() principal: Principal, @Param('rateTableId') rateTableId: string): Promise<void> {
    await this.publisher.change(this.em, async (tx, version) => {
      const found = await this.find(tx, principal, rateTableId, true);
      const inUse = await tx.count(ClientServiceRecord, { rateTableId: found.id });
      if (inUse > 0) throw conflict(`This rate table prices ${inUse} client service pair(s): assign those clients another table first.`);
      tx.assign(found, { deletedAt: new Date(), version: await version() });
      await tx.flush();
      await this.publisher.rateTableChanged(tx, found);
    });
  }

  private async find(em: EntityManager, principal: Principal, rateTableId: string, forUpdate = false): Promise<RateTableRecord> {
    const found = await em.findOne(RateTableRecord, { id: resourceId(rateTableId, 'Rate table'), courierId: principal.courierId, deletedAt: null }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!found) throw notFound('Rate table');
    return found;
  }
}
