import { EntityManager } from '@mikro-orm/postgresql';
import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CreatedCourier } from '@portal/contracts';
import { APP_CONFIG, bearerToken, hashApiKey, newApiKey, sameSecret, unauthorized } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { v7 as uuidv7 } from 'uuid';
import type { ClientSettingsConfig } from '../config';
import { CreateCourierDto, CreatedCourierDto } from '../dto';
import { ApiKey } from '../entities/api-key.entity';
import { Courier } from '../entities/courier.entity';
import { SettingsPublisher } from '../publishing/settings-publisher';

@ApiTags('couriers')
@ApiBearerAuth()
@Controller('v1/couriers')
export class CouriersController {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
    @Inject(APP_CONFIG) private readonly config: ClientSettingsConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a courier (operator token) and its first API key, shown once.' })
  @ZodResponse({ status: 201, type: CreatedCourierDto })
  async create(@Headers('authorization') authorization: string | undefined, @Body() body: CreateCourierDto): Promise<CreatedCourier> {
    const token = bearerToken(authorization);
    if (!token || !sameSecret(token, this.config.OPERATOR_TOKEN)) throw unauthorized('Creating a courier needs the operator token.');
    const apiKey = newApiKey();
    const courier = await this.publisher.change(this.em, async (tx, version) => {
      const created = tx.create(Courier, { id: uuidv7(), name: body.name });
      // Entities hold plain ids, not relations, so the unit of work needs the courier written first.
      await tx.flush();
      const key = tx.create(ApiKey, { id: uuidv7(), keyHash: hashApiKey(apiKey), courierId: created.id, version: await version() });
      await tx.flush();
      await this.publisher.apiKeyChanged(tx, key);
      return created;
    });
    return { id: courier.id, name: courier.name, apiKey };
  }
}
