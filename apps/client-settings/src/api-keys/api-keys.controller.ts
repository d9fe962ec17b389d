import { Body, Controller, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CreatedApiKey } from '@portal/contracts';
import { ApiKeyGuard, CurrentPrincipal, Principal } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { CreateApiKeyDto, CreatedApiKeyDto } from '../dto';
import { CreateApiKeyUseCase } from './create-api-key.use-case';

@ApiTags('api keys')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/clients/:clientId/api-keys')
export class ApiKeysController {
  constructor(private readonly createApiKeyUseCase: CreateApiKeyUseCase) {}

  @Post()
  @ApiOperation({ summary: 'Issue a key scoped to this client. It is shown once; only its hash is kept.' })
  @ZodResponse({ status: 201, type: CreatedApiKeyDto })
  create(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string, @Body() body: CreateApiKeyDto): Promise<CreatedApiKey> {
    return this.createApiKeyUseCase.execute({ principal, clientId, body });
  }
}
