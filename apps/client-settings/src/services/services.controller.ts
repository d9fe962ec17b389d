import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateService, CreateServiceSchema, Page, Service } from '@portal/contracts';
import { ApiErrorResponse, ApiKeyGuard, conflict, CourierOnly, CurrentPrincipal, decodeCursor, notFound, Principal, resourceId, toPage } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { v7 as uuidv7 } from 'uuid';
import { CreateServiceDto, PageQueryDto, ServiceDto, ServicePageDto, UpdateServiceDto } from '../dto';
import { ClientServiceRecord } from '../entities/client-service.entity';
import { Client } from '../entities/client.entity';
import { ServiceRecord } from '../entities/service.entity';
import { validMerge } from '../merged-body';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { toServiceView } from './service-view';

const split = ({ code, name, ...definition }: CreateService) => ({ code, name, definition });

@ApiTags('services')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@CourierOnly()
@Controller('v1/services')
export class ServicesController {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Define a service: its SLA, cutoff, hours, blackout dates, area and limits.' })
  @ZodResponse({ status: 201, type: ServiceDto })
  @ApiErrorResponse(409, 'Another of your services already has this code (CONFLICT).')
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateServiceDto): Promise<Service> {
    const service = await this.uniqueCode(() =>
      this.publisher.change(this.em, async (tx, version) => {
        const created = tx.create(ServiceRecord, { id: uuidv7(), courierId: principal.courierId, ...split(body), version: await version() });
        await tx.flush();
        await this.publisher.serviceChanged(tx, created);
        return created;
      }),
    );
    return toServiceView(service);
  }

  @Get()
  @ZodResponse({ status: 200, type: ServicePageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<Page<Service>> {
    const before = decodeCursor(query.cursor);
    const rows = await this.em.find(
      ServiceRecord,
      { courierId: principal.courierId, deletedAt: null, ...(before ? { id: { $lt: before } } : {}) },
      { orderBy: { id: 'desc' }, limit: query.limit + 1 },
    );
    return toPage(rows, query.limit, toServiceView);
  }

  @Get(':serviceId')
  @ZodResponse({ status: 200, type: ServiceDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('serviceId') serviceId: string): Promise<Service> {
    return toServiceView(await this.find(this.em, principal, serviceId));
  }

  @Patch(':serviceId')
  @ZodResponse({ status: 200, type: ServiceDto })
  @ApiErrorResponse(409, 'Another of your services already has this code (CONFLICT).')
  async update(@CurrentPrincipal() principal: Principal, @Param('serviceId') serviceId: string, @Body() body: UpdateServiceDto): Promise<Service> {
    const service = await this.uniqueCode(() =>
      this.publisher.change(this.em, async (tx, version) => {
        const found = await this.find(tx, principal, serviceId, true);
        const merged = validMerge(CreateServiceSchema, { code: found.code, name: found.name, ...found.definition, ...body });
        tx.assign(found, { ...split(merged), updatedAt: new Date(), version: await version() });
        await tx.flush();
        await this.publisher.serviceChanged(tx, found);
        return found;
      }),
    );
    return toServiceView(service);
  }

  @Delete(':serviceId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a service; clients it was assigned to lose that pair (their other pairs stay).' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('serviceId') serviceId: string): Promise<void> {
    await this.publisher.change(this.em, async (tx, version) => {
      const found = await this.find(tx, principal, serviceId, true);
      const pairs = await tx.find(ClientServiceRecord, { serviceId: found.id });
      tx.assign(found, { deletedAt: new Date(), version: await version() });
      await tx.nativeDelete(ClientServiceRecord, { serviceId: found.id });
      await tx.flush();
      await this.publisher.serviceChanged(tx, found);
      for (const clientId of new Set(pairs.map((p) => p.clientId))) {
        const client = await tx.findOneOrFail(Client, { id: clientId });
        tx.assign(client, { version: await version(), updatedAt: new Date() });
        await tx.flush();
        await this.publisher.clientServicesChanged(tx, client);
      }
    });
  }

  private async find(em: EntityManager, principal: Principal, serviceId: string, forUpdate = false): Promise<ServiceRecord> {
    const found = await em.findOne(ServiceRecord, { id: resourceId(serviceId, 'Service'), courierId: principal.courierId, deletedAt: null }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!found) throw notFound('Service');
    return found;
  }

  private async uniqueCode<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw conflict('Another of your services already has this code: codes are unique per courier.');
      throw error;
    }
  }
}
