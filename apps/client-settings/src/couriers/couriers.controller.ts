import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CreatedCourier } from '@portal/contracts';
import { bearerToken } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { CreateCourierDto, CreatedCourierDto } from '../dto';
import { CreateCourierUseCase } from './create-courier.use-case';

@ApiTags('couriers')
@ApiBearerAuth()
@Controller('v1/couriers')
export class CouriersController {
  constructor(private readonly createCourierUseCase: CreateCourierUseCase) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a courier (operator token) and its first API key, shown once.' })
  @ZodResponse({ status: 201, type: CreatedCourierDto })
  create(@Headers('authorization') authorization: string | undefined, @Body() body: CreateCourierDto): Promise<CreatedCourier> {
    return this.createCourierUseCase.execute({ operatorToken: bearerToken(authorization), body });
  }
}
