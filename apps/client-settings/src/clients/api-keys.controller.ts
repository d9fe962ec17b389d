import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CreatedApiKey } from '@portal/contracts';
import { ApiKeyGuard, CurrentPrincipal, hashApiKey, newApiKey, Principal } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { v7 as uuidv7 } from 'uuid';
import { CreatedApiKeyDto } from '../dto';
import { ApiKey } from '../entities/api-key.entity';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { findReachableClient } from './client-access';

@ApiTags('api keys')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/clients/:clientId/api-keys')
export class ApiKeysController {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Issue a key scoped to this client. It is shown once; only its hash is kept.' })
  @ZodResponse({ status: 201, type: CreatedApiKeyDto })
  async create(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string): Promise<CreatedApiKey> {
    const apiKey = newApiKey();
    const key = await this.publisher.change(this.em, async (tx, version) => {
      const client = await findReachableClient(tx, principal, clientId);
      const created = tx.create(ApiKey, { id: uuidv7(), keyHash: hashApiKey(apiKey), courierId: client.courierId, clientId: client.id, version: await version() });
      await tx.flush();
      await this.publisher.apiKeyChanged(tx, created);
      return created;
    });
    return { id: key.id, apiKey };
  }
}
