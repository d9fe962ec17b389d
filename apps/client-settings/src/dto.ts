import {
  ApiKeySchema,
  ClientSchema,
  ConnectionSchema,
  ConnectionWithSecretSchema,
  CreateApiKeySchema,
  CreatedApiKeySchema,
  CreatedCourierSchema,
  CreateClientSchema,
  CreateConnectionSchema,
  CreateCourierSchema,
  IntegrationSettingsSchema,
  PageQuerySchema,
  RotateSecretSchema,
  UpdateConnectionSchema,
  UpdateClientSchema,
  CreateRateTableSchema,
  CreateServiceSchema,
  RateTableSchema,
  ServiceAssignmentsSchema,
  ServiceSchema,
  UpdateRateTableSchema,
  UpdateServiceSchema,
  pageOf,
} from '@portal/contracts';
import { createZodDto } from '@portal/service-kit';

export class CreateCourierDto extends createZodDto(CreateCourierSchema) {}
export class CreateClientDto extends createZodDto(CreateClientSchema) {}
export class UpdateClientDto extends createZodDto(UpdateClientSchema) {}
export class IntegrationSettingsDto extends createZodDto(IntegrationSettingsSchema) {}
export class CreateConnectionDto extends createZodDto(CreateConnectionSchema) {}
export class RotateSecretDto extends createZodDto(RotateSecretSchema) {}
export class PageQueryDto extends createZodDto(PageQuerySchema) {}

export class CreatedCourierDto extends createZodDto(CreatedCourierSchema) {}
export class CreatedApiKeyDto extends createZodDto(CreatedApiKeySchema) {}
/** The body itself may be left out: a POST without one issues a key with its default name. */
export class CreateApiKeyDto extends createZodDto(CreateApiKeySchema.default({})) {}
export class ApiKeyPageDto extends createZodDto(pageOf(ApiKeySchema)) {}
export class ClientDto extends createZodDto(ClientSchema) {}
export class ClientPageDto extends createZodDto(pageOf(ClientSchema)) {}
export class ConnectionDto extends createZodDto(ConnectionSchema) {}
export class ConnectionPageDto extends createZodDto(pageOf(ConnectionSchema)) {}
export class ConnectionWithSecretDto extends createZodDto(ConnectionWithSecretSchema) {}
export class CreateServiceDto extends createZodDto(CreateServiceSchema) {}
export class UpdateServiceDto extends createZodDto(UpdateServiceSchema) {}
export class ServiceDto extends createZodDto(ServiceSchema) {}
export class ServicePageDto extends createZodDto(pageOf(ServiceSchema)) {}
export class CreateRateTableDto extends createZodDto(CreateRateTableSchema) {}
export class UpdateRateTableDto extends createZodDto(UpdateRateTableSchema) {}
export class RateTableDto extends createZodDto(RateTableSchema) {}
export class RateTablePageDto extends createZodDto(pageOf(RateTableSchema)) {}
export class ServiceAssignmentsDto extends createZodDto(ServiceAssignmentsSchema) {}
export class UpdateConnectionDto extends createZodDto(UpdateConnectionSchema) {}
