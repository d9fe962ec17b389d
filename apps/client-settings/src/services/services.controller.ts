import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, Service } from '@portal/contracts';
import { ApiErrorResponse, ApiKeyGuard, CourierOnly, CurrentPrincipal, Principal } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { CreateServiceDto, PageQueryDto, ServiceDto, ServicePageDto, UpdateServiceDto } from '../dto';
import { CreateServiceUseCase } from './create-service.use-case';
import { DeleteServiceUseCase } from './delete-service.use-case';
import { GetServiceUseCase } from './get-service.use-case';
import { ListServicesUseCase } from './list-services.use-case';
import { UpdateServiceUseCase } from './update-service.use-case';

@ApiTags('services')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@CourierOnly()
@Controller('v1/services')
export class ServicesController {
  constructor(
    private readonly createServiceUseCase: CreateServiceUseCase,
    private readonly listServicesUseCase: ListServicesUseCase,
    private readonly getServiceUseCase: GetServiceUseCase,
    private readonly updateServiceUseCase: UpdateServiceUseCase,
    private readonly deleteServiceUseCase: DeleteServiceUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Define a service: its SLA, cutoff, hours, blackout dates, area and limits.' })
  @ZodResponse({ status: 201, type: ServiceDto })
  @ApiErrorResponse(409, 'Another of your services already has this code (CONFLICT).')
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateServiceDto): Promise<Service> {
    return this.createServiceUseCase.execute({ principal, body });
  }

  @Get()
  @ZodResponse({ status: 200, type: ServicePageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<Page<Service>> {
    return this.listServicesUseCase.execute({ principal, query });
  }

  @Get(':serviceId')
  @ZodResponse({ status: 200, type: ServiceDto })
  get(@CurrentPrincipal() principal: Principal, @Param('serviceId') serviceId: string): Promise<Service> {
    return this.getServiceUseCase.execute({ principal, serviceId });
  }

  @Patch(':serviceId')
  @ZodResponse({ status: 200, type: ServiceDto })
  @ApiErrorResponse(409, 'Another of your services already has this code (CONFLICT).')
  update(@CurrentPrincipal() principal: Principal, @Param('serviceId') serviceId: string, @Body() body: UpdateServiceDto): Promise<Service> {
    return this.updateServiceUseCase.execute({ principal, serviceId, body });
  }

  @Delete(':serviceId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a service; clients it was assigned to lose that pair (their other pairs stay).' })
  remove(@CurrentPrincipal() principal: Principal, @Param('serviceId') serviceId: string): Promise<void> {
    return this.deleteServiceUseCase.execute({ principal, serviceId });
  }
}
