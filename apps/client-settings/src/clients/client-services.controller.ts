import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ServiceAssignment, ServiceAssignmentsSchema } from '@portal/contracts';
import { ApiErrorResponse, ApiKeyGuard, CourierOnly, CurrentPrincipal, Principal } from '@portal/service-kit';
import { ZodResponse, ZodValidationPipe } from 'nestjs-zod';
import { ServiceAssignmentsDto } from '../dto';
import { GetClientServicesUseCase } from './get-client-services.use-case';
import { ReplaceClientServicesUseCase } from './replace-client-services.use-case';

/** Which services a client may be quoted, each priced by a rate table. */
@ApiTags('clients')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@CourierOnly()
@Controller('v1/clients/:clientId/services')
export class ClientServicesController {
  constructor(
    private readonly getClientServicesUseCase: GetClientServicesUseCase,
    private readonly replaceClientServicesUseCase: ReplaceClientServicesUseCase,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'getClientServices' })
  @ZodResponse({ status: 200, type: ServiceAssignmentsDto })
  get(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string): Promise<ServiceAssignment[]> {
    return this.getClientServicesUseCase.execute({ principal, clientId });
  }

  @Put()
  @ApiOperation({ operationId: 'replaceClientServices', summary: "Replace the client's (service, rate table) pairs. An empty list stops quoting for the client." })
  @ZodResponse({ status: 200, type: ServiceAssignmentsDto })
  @ApiErrorResponse(422, "The client's integrations are on without a serviceSelectionRule: set one before assigning services (RULE_REQUIRED).")
  put(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId') clientId: string,
    @Body(new ZodValidationPipe(ServiceAssignmentsSchema)) body: ServiceAssignment[],
  ): Promise<ServiceAssignment[]> {
    return this.replaceClientServicesUseCase.execute({ principal, clientId, body });
  }
}
