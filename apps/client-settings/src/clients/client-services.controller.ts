import { EntityManager } from '@mikro-orm/postgresql';
import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ServiceAssignment, ServiceAssignmentsSchema } from '@portal/contracts';
import { ApiErrorResponse, ApiKeyGuard, AppError, CourierOnly, CurrentPrincipal, Principal, unprocessable } from '@portal/service-kit';
import { ZodResponse, ZodValidationPipe } from 'nestjs-zod';
import { ServiceAssignmentsDto } from '../dto';
import { ClientServiceRecord } from '../entities/client-service.entity';
import { RateTableRecord } from '../entities/rate-table.entity';
import { ServiceRecord } from '../entities/service.entity';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { findReachableClient } from './client-access';

const toAssignment = (pair: ClientServiceRecord): ServiceAssignment => ({ serviceId: pair.serviceId, rateTableId: pair.rateTableId });

/** Which services a client may be quoted, each priced by a rate table. */
@ApiTags('clients')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@CourierOnly()
@Controller('v1/clients/:clientId/services')
export class ClientServicesController {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'getClientServices' })
  @ZodResponse({ status: 200, type: ServiceAssignmentsDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string): Promise<ServiceAssignment[]> {
    const client = await findReachableClient(this.em, principal, clientId);
    return (await this.em.find(ClientServiceRecord, { clientId: client.id }, { orderBy: { serviceId: 'asc' } })).map(toAssignment);
  }

  @Put()
  @ApiOperation({ operationId: 'replaceClientServices', summary: "Replace the client's (service, rate table) pairs. An empty list stops quoting for the client." })
  @ZodResponse({ status: 200, type: ServiceAssignmentsDto })
  @ApiErrorResponse(422, "The client's integrations are on without a serviceSelectionRule: set one before assigning services (RULE_REQUIRED).")
  async put(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId') clientId: string,
    @Body(new ZodValidationPipe(ServiceAssignmentsSchema)) body: ServiceAssignment[],
  ): Promise<ServiceAssignment[]> {
    return this.publisher.change(this.em, async (tx, version) => {
      const client = await findReachableClient(tx, principal, clientId, true);
      await this.check(tx, principal, body);
      if (body.length > 0 && client.orderCreationEnabled && client.serviceSelectionRule === null) {
        throw unprocessable('RULE_REQUIRED', "Integrations are on for this client without a service selection rule: set serviceSelectionRule (FASTEST or CHEAPEST) in its integration settings before assigning services.", [
          { path: 'serviceSelectionRule', message: 'is required once a client uses Rates and Services' },
        ]);
      }
      await tx.nativeDelete(ClientServiceRecord, { clientId: client.id });
      for (const pair of body) tx.create(ClientServiceRecord, { clientId: client.id, ...pair });
      tx.assign(client, { version: await version(), updatedAt: new Date() });
      await tx.flush();
      await this.publisher.clientServicesChanged(tx, client);
      return [...body].sort((a, b) => a.serviceId.localeCompare(b.serviceId));
    });
  }

  /** Every id must be one of this courier's live services and rate tables, each service once. */
  private async check(tx: EntityManager, principal: Principal, body: ServiceAssignment[]): Promise<void> {
    const details: { path: string; message: string }[] = [];
    const seen = new Set<string>();
    const services = new Set((await tx.find(ServiceRecord, { id: { $in: body.map((p) => p.serviceId) }, courierId: principal.courierId, deletedAt: null })).map((s) => s.id));
    const tables = new Set((await tx.find(RateTableRecord, { id: { $in: body.map((p) => p.rateTableId) }, courierId: principal.courierId, deletedAt: null })).map((t) => t.id));
    body.forEach((pair, i) => {
      if (!services.has(pair.serviceId)) details.push({ path: `${i}.serviceId`, message: 'is not one of your services' });
      if (!tables.has(pair.rateTableId)) details.push({ path: `${i}.rateTableId`, message: 'is not one of your rate tables' });
      if (seen.has(pair.serviceId)) details.push({ path: `${i}.serviceId`, message: 'is assigned twice: a service has one rate table per client' });
      seen.add(pair.serviceId);
    });
    if (details.length > 0) throw new AppError(400, 'VALIDATION_FAILED', 'Some pairs cannot be assigned: see details.', details);
  }
}
