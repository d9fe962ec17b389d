import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApiKey as ApiKeyView, CreatedApiKey, Page } from '@portal/contracts';
import { ApiKeyGuard, CourierOnly, CurrentPrincipal, Principal } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { ApiKeyPageDto, CreateApiKeyDto, CreatedApiKeyDto, PageQueryDto } from '../dto';
import { CreateCourierApiKeyUseCase } from './create-courier-api-key.use-case';
import { ListApiKeysUseCase } from './list-api-keys.use-case';
import { RevokeApiKeyUseCase } from './revoke-api-key.use-case';

/** The keys of the caller's tenant: a courier's own and its clients', or a client key's own client's. */
@ApiTags('api keys')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/api-keys')
export class TenantApiKeysController {
  constructor(
    private readonly listApiKeysUseCase: ListApiKeysUseCase,
    private readonly createCourierApiKeyUseCase: CreateCourierApiKeyUseCase,
    private readonly revokeApiKeyUseCase: RevokeApiKeyUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List the keys the caller reaches, newest first, revoked ones included; never the keys themselves.' })
  @ZodResponse({ status: 200, type: ApiKeyPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<Page<ApiKeyView>> {
    return this.listApiKeysUseCase.execute({ principal, query });
  }

  @Post()
  @CourierOnly()
  @ApiOperation({ summary: 'Issue another courier key, to rotate: switch to it, then revoke the old one. It is shown once.' })
  @ZodResponse({ status: 201, type: CreatedApiKeyDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateApiKeyDto): Promise<CreatedApiKey> {
    return this.createCourierApiKeyUseCase.execute({ principal, body });
  }

  @Delete(':keyId')
  @HttpCode(204)
  @ApiOperation({ summary: "Revoke a key: every service refuses it (401) within a second. A courier's last active courier key cannot be revoked (409)." })
  revoke(@CurrentPrincipal() principal: Principal, @Param('keyId') keyId: string): Promise<void> {
    return this.revokeApiKeyUseCase.execute({ principal, keyId });
  }
}
