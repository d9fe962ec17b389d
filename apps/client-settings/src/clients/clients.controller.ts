import { EntityManager } from '@mikro-orm/postgresql';
import { Body, Controller, Get, Param, Patch, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Client as ClientView, IntegrationSettings, Page } from '@portal/contracts';
import { ApiErrorResponse, ApiKeyGuard, CourierOnly, CurrentPrincipal, decodeCursor, Principal, toPage, unprocessable } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { v7 as uuidv7 } from 'uuid';
import { ClientDto, ClientPageDto, CreateClientDto, IntegrationSettingsDto, PageQueryDto, UpdateClientDto } from '../dto';
import { ClientServiceRecord } from '../entities/client-service.entity';
import { Client } from '../entities/client.entity';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { findReachableClient } from './client-access';
import { toClientView } from './client-view';

@ApiTags('clients')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/clients')
export class ClientsController {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
  ) {}

  @Post()
  @CourierOnly()
  @ApiOperation({ summary: "Create one of the courier's client organisations." })
  @ZodResponse({ status: 201, type: ClientDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateClientDto): Promise<ClientView> {
    const client = await this.publisher.change(this.em, async (tx, version) => {
      const created = tx.create(Client, {
        id: uuidv7(),
        courierId: principal.courierId,
        name: body.name,
        timezone: body.timezone,
        units: body.units,
        defaultPickup: body.defaultPickup ?? null,
        version: await version(),
      });
      await tx.flush();
      await this.publisher.clientChanged(tx, created);
      return created;
    });
    return toClientView(client);
  }

  @Get()
  @ApiOperation({ summary: 'List the clients the key reaches, newest first.' })
  @ZodResponse({ status: 200, type: ClientPageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<Page<ClientView>> {
    const before = decodeCursor(query.cursor);
    const rows = await this.em.find(
      Client,
      {
        courierId: principal.courierId,
        ...(principal.clientId ? { id: principal.clientId } : {}),
        ...(before ? { id: { $lt: before } } : {}),
      },
      { orderBy: { id: 'desc' }, limit: query.limit + 1 },
    );
    return toPage(rows, query.limit, toClientView);
  }

  @Get(':clientId')
  @ZodResponse({ status: 200, type: ClientDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string): Promise<ClientView> {
    return toClientView(await findReachableClient(this.em, principal, clientId));
  }

  @Patch(':clientId')
  @CourierOnly()
  @ZodResponse({ status: 200, type: ClientDto })
  async update(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string, @Body() body: UpdateClientDto): Promise<ClientView> {
    const client = await this.publisher.change(this.em, async (tx, version) => {
      const found = await findReachableClient(tx, principal, clientId, true);
      tx.assign(found, { ...body, updatedAt: new Date(), version: await version() });
      await tx.flush();
      await this.publisher.clientChanged(tx, found);
      return found;
    });
    return toClientView(client);
  }

  @Get(':clientId/integration-settings')
  @CourierOnly()
  @ZodResponse({ status: 200, type: IntegrationSettingsDto })
  async getIntegrationSettings(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string): Promise<IntegrationSettings> {
    const client = await findReachableClient(this.em, principal, clientId);
    return { orderCreationEnabled: client.orderCreationEnabled, serviceSelectionRule: client.serviceSelectionRule };
  }

  @Put(':clientId/integration-settings')
  @CourierOnly()
  @ApiOperation({ summary: 'Turn integration order creation on or off, and set the service selection rule.' })
  @ZodResponse({ status: 200, type: IntegrationSettingsDto })
  @ApiErrorResponse(422, 'The client uses Rates and Services: turning integrations on needs a serviceSelectionRule (RULE_REQUIRED).')
  async putIntegrationSettings(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId') clientId: string,
    @Body() body: IntegrationSettingsDto,
  ): Promise<IntegrationSettings> {
    const client = await this.publisher.change(this.em, async (tx, version) => {
      const found = await findReachableClient(tx, principal, clientId, true);
      const usesRatesAndServices = (await tx.count(ClientServiceRecord, { clientId: found.id })) > 0;
      if (body.orderCreationEnabled && body.serviceSelectionRule === null && usesRatesAndServices) {
        throw unprocessable('RULE_REQUIRED', 'This client uses Rates and Services: choose a serviceSelectionRule (FASTEST or CHEAPEST) to turn integrations on.', [
          { path: 'serviceSelectionRule', message: 'is required while the client has services assigned' },
        ]);
      }
      tx.assign(found, { ...body, updatedAt: new Date(), version: await version() });
      await tx.flush();
      await this.publisher.clientChanged(tx, found);
      return found;
    });
    return { orderCreationEnabled: client.orderCreationEnabled, serviceSelectionRule: client.serviceSelectionRule };
  }
}
