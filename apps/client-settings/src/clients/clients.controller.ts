import { Body, Controller, Get, Param, Patch, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Client as ClientView, IntegrationSettings, Page } from '@portal/contracts';
import { ApiErrorResponse, ApiKeyGuard, CourierOnly, CurrentPrincipal, Principal } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { ClientDto, ClientPageDto, CreateClientDto, IntegrationSettingsDto, PageQueryDto, UpdateClientDto } from '../dto';
import { CreateClientUseCase } from './create-client.use-case';
import { GetClientUseCase } from './get-client.use-case';
import { GetIntegrationSettingsUseCase } from './get-integration-settings.use-case';
import { ListClientsUseCase } from './list-clients.use-case';
import { UpdateClientUseCase } from './update-client.use-case';
import { UpdateIntegrationSettingsUseCase } from './update-integration-settings.use-case';

@ApiTags('clients')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/clients')
export class ClientsController {
  constructor(
    private readonly createClientUseCase: CreateClientUseCase,
    private readonly listClientsUseCase: ListClientsUseCase,
    private readonly getClientUseCase: GetClientUseCase,
    private readonly updateClientUseCase: UpdateClientUseCase,
    private readonly getIntegrationSettingsUseCase: GetIntegrationSettingsUseCase,
    private readonly updateIntegrationSettingsUseCase: UpdateIntegrationSettingsUseCase,
  ) {}

  @Post()
  @CourierOnly()
  @ApiOperation({ summary: "Create one of the courier's client organisations." })
  @ZodResponse({ status: 201, type: ClientDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateClientDto): Promise<ClientView> {
    return this.createClientUseCase.execute({ principal, body });
  }

  @Get()
  @ApiOperation({ summary: 'List the clients the key reaches, newest first.' })
  @ZodResponse({ status: 200, type: ClientPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<Page<ClientView>> {
    return this.listClientsUseCase.execute({ principal, query });
  }

  @Get(':clientId')
  @ZodResponse({ status: 200, type: ClientDto })
  get(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string): Promise<ClientView> {
    return this.getClientUseCase.execute({ principal, clientId });
  }

  @Patch(':clientId')
  @CourierOnly()
  @ZodResponse({ status: 200, type: ClientDto })
  update(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string, @Body() body: UpdateClientDto): Promise<ClientView> {
    return this.updateClientUseCase.execute({ principal, clientId, body });
  }

  @Get(':clientId/integration-settings')
  @CourierOnly()
  @ZodResponse({ status: 200, type: IntegrationSettingsDto })
  getIntegrationSettings(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string): Promise<IntegrationSettings> {
    return this.getIntegrationSettingsUseCase.execute({ principal, clientId });
  }

  @Put(':clientId/integration-settings')
  @CourierOnly()
  @ApiOperation({ summary: 'Turn integration order creation on or off, and set the service selection rule.' })
  @ZodResponse({ status: 200, type: IntegrationSettingsDto })
  @ApiErrorResponse(422, 'The client uses Rates and Services: turning integrations on needs a serviceSelectionRule (RULE_REQUIRED).')
  putIntegrationSettings(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId') clientId: string,
    @Body() body: IntegrationSettingsDto,
  ): Promise<IntegrationSettings> {
    return this.updateIntegrationSettingsUseCase.execute({ principal, clientId, body });
  }
}
