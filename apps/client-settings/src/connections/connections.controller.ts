import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Connection as ConnectionView, ConnectionWithSecret, Page } from '@portal/contracts';
import { APP_CONFIG, ApiKeyGuard, AppError, CurrentPrincipal, decodeCursor, notFound, Principal, resourceId, toPage } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { findReachableClient } from '../clients/client-access';
import type { ClientSettingsConfig } from '../config';
import { ConnectionDto, ConnectionPageDto, ConnectionWithSecretDto, CreateConnectionDto, PageQueryDto, RotateSecretDto, UpdateConnectionDto } from '../dto';
import { Connection } from '../entities/connection.entity';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { toConnectionView } from './connection-view';

const generatedSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/** Connections link a client's platform to the gateway; the courier or the client itself manages them. */
@ApiTags('connections')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/clients/:clientId/connections')
export class ConnectionsController {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
    @Inject(APP_CONFIG) private readonly config: ClientSettingsConfig,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Connect a platform. The signing secret is shown in this answer and on rotation only.' })
  @ZodResponse({ status: 201, type: ConnectionWithSecretDto })
  async create(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string, @Body() body: CreateConnectionDto): Promise<ConnectionWithSecret> {
    const connection = await this.publisher.change(this.em, async (tx, version) => {
      const client = await findReachableClient(tx, principal, clientId);
      const created = tx.create(Connection, {
        id: uuidv7(),
        clientId: client.id,
        courierId: client.courierId,
        platform: body.platform,
        name: body.name ?? null,
        settings: body.settings ?? {},
        signingSecret: body.signingSecret ?? generatedSecret(),
        version: await version(),
      });
      await tx.flush();
      await this.publisher.connectionChanged(tx, created);
      return created;
    });
    return { ...toConnectionView(connection, this.config.PUBLIC_BASE_URL), signingSecret: connection.signingSecret };
  }

  @Get()
  @ZodResponse({ status: 200, type: ConnectionPageDto })
  async list(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string, @Query() query: PageQueryDto): Promise<Page<ConnectionView>> {
    const client = await findReachableClient(this.em, principal, clientId);
    const before = decodeCursor(query.cursor);
    const rows = await this.em.find(
      Connection,
      { clientId: client.id, deletedAt: null, ...(before ? { id: { $lt: before } } : {}) },
      { orderBy: { id: 'desc' }, limit: query.limit + 1 },
    );
    return toPage(rows, query.limit, (c) => toConnectionView(c, this.config.PUBLIC_BASE_URL));
  }

  @Patch(':connectionId')
  @ApiOperation({ summary: 'Rename a connection or replace its settings (statuses, pieces, default weight, window keys); its URL and secret stay.' })
  @ZodResponse({ status: 200, type: ConnectionDto })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId') clientId: string,
    @Param('connectionId') connectionId: string,
    @Body() body: UpdateConnectionDto,
  ): Promise<ConnectionView> {
    const connection = await this.publisher.change(this.em, async (tx, version) => {
      const found = await this.findLive(tx, principal, clientId, connectionId);
      tx.assign(found, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.settings !== undefined ? { settings: body.settings } : {}),
        version: await version(),
      });
      await tx.flush();
      await this.publisher.connectionChanged(tx, found);
      return found;
    });
    return toConnectionView(connection, this.config.PUBLIC_BASE_URL);
  }

  @Delete(':connectionId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Disconnect: the webhook URL answers 404 from then on.' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string, @Param('connectionId') connectionId: string): Promise<void> {
    await this.publisher.change(this.em, async (tx, version) => {
      const connection = await this.findLive(tx, principal, clientId, connectionId);
      tx.assign(connection, { deletedAt: new Date(), version: await version() });
      await tx.flush();
      await this.publisher.connectionChanged(tx, connection);
    });
  }

  @Post(':connectionId/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the signing secret; the previous one keeps working for the grace period.' })
  @ZodResponse({ status: 200, type: ConnectionWithSecretDto })
  async rotate(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId') clientId: string,
    @Param('connectionId') connectionId: string,
    @Body() body: RotateSecretDto,
  ): Promise<ConnectionWithSecret> {
    const connection = await this.publisher.change(this.em, async (tx, version) => {
      const found = await this.findLive(tx, principal, clientId, connectionId);
      if (found.platform === 'shopify' && !body.signingSecret) {
        throw new AppError(400, 'VALIDATION_FAILED', 'The request is not valid: see details.', [
          { path: 'signingSecret', message: 'is required for shopify: paste the new key Shopify shows beside your webhooks' },
        ]);
      }
      const graceMs = this.config.SECRET_GRACE_PERIOD_HOURS * 3600_000;
      tx.assign(found, {
        previousSecret: found.signingSecret,
        previousSecretExpiresAt: new Date(Date.now() + graceMs),
        signingSecret: body.signingSecret ?? generatedSecret(),
        version: await version(),
      });
      await tx.flush();
      await this.publisher.connectionChanged(tx, found);
      return found;
    });
    return { ...toConnectionView(connection, this.config.PUBLIC_BASE_URL), signingSecret: connection.signingSecret };
  }

  private async findLive(tx: EntityManager, principal: Principal, clientId: string, connectionId: string): Promise<Connection> {
    const client = await findReachableClient(tx, principal, clientId);
    // Locked until commit: a rotation and a settings change cannot publish each other's stale state.
    const connection = await tx.findOne(Connection, { id: resourceId(connectionId, 'Connection'), clientId: client.id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!connection) throw notFound('Connection');
    return connection;
  }
}
