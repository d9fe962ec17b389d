import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Connection as ConnectionView, ConnectionWithSecret, Page } from '@portal/contracts';
import { ApiKeyGuard, CurrentPrincipal, Principal } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { ConnectionDto, ConnectionPageDto, ConnectionWithSecretDto, CreateConnectionDto, PageQueryDto, RotateSecretDto, UpdateConnectionDto } from '../dto';
import { CreateConnectionUseCase } from './create-connection.use-case';
import { DeleteConnectionUseCase } from './delete-connection.use-case';
import { ListConnectionsUseCase } from './list-connections.use-case';
import { RotateConnectionSecretUseCase } from './rotate-connection-secret.use-case';
import { UpdateConnectionUseCase } from './update-connection.use-case';

/** Connections link a client's platform to the gateway; the courier or the client itself manages them. */
@ApiTags('connections')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/clients/:clientId/connections')
export class ConnectionsController {
  constructor(
    private readonly createConnectionUseCase: CreateConnectionUseCase,
    private readonly listConnectionsUseCase: ListConnectionsUseCase,
    private readonly updateConnectionUseCase: UpdateConnectionUseCase,
    private readonly deleteConnectionUseCase: DeleteConnectionUseCase,
    private readonly rotateConnectionSecretUseCase: RotateConnectionSecretUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Connect a platform. The signing secret is shown in this answer and on rotation only.' })
  @ZodResponse({ status: 201, type: ConnectionWithSecretDto })
  create(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string, @Body() body: CreateConnectionDto): Promise<ConnectionWithSecret> {
    return this.createConnectionUseCase.execute({ principal, clientId, body });
  }

  @Get()
  @ZodResponse({ status: 200, type: ConnectionPageDto })
  list(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string, @Query() query: PageQueryDto): Promise<Page<ConnectionView>> {
    return this.listConnectionsUseCase.execute({ principal, clientId, query });
  }

  @Patch(':connectionId')
  @ApiOperation({ summary: 'Rename a connection or replace its settings (statuses, pieces, default weight, window keys); its URL and secret stay.' })
  @ZodResponse({ status: 200, type: ConnectionDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId') clientId: string,
    @Param('connectionId') connectionId: string,
    @Body() body: UpdateConnectionDto,
  ): Promise<ConnectionView> {
    return this.updateConnectionUseCase.execute({ principal, clientId, connectionId, body });
  }

  @Delete(':connectionId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Disconnect: the webhook URL answers 404 from then on.' })
  remove(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string, @Param('connectionId') connectionId: string): Promise<void> {
    return this.deleteConnectionUseCase.execute({ principal, clientId, connectionId });
  }

  @Post(':connectionId/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the signing secret; the previous one keeps working for the grace period.' })
  @ZodResponse({ status: 200, type: ConnectionWithSecretDto })
  rotate(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId') clientId: string,
    @Param('connectionId') connectionId: string,
    @Body() body: RotateSecretDto,
  ): Promise<ConnectionWithSecret> {
    return this.rotateConnectionSecretUseCase.execute({ principal, clientId, connectionId, body });
  }
}
