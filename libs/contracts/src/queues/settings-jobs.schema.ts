import { z } from 'zod';
import { PlatformSchema, ServiceSelectionRuleSchema, UnitsSchema } from '../common/platform.schema';
import { PickupAddressSchema } from '../common/task.schema';
import { ConnectionSettingsSchema } from '../http/connection.schema';
import { RateTableSchema, ServiceAssignmentSchema } from '../http/rate-table.schema';
import { ServiceSchema } from '../http/service.schema';

/**
 * Client settings owns this configuration; other apps keep projections of it fed by these jobs.
 * Each carries the whole current state and a version from one sequence, so a consumer applies a
 * change only when it is newer than what it holds (jobs may arrive twice or out of order).
 */
const change = { v: z.literal(1), version: z.number().int().nonnegative() };

export const ClientChangedJobSchema = z.object({
  ...change,
  name: z.literal('client.changed'),
  client: z.object({
    id: z.string(),
    courierId: z.string(),
    name: z.string(),
    timezone: z.string(),
    units: UnitsSchema,
    defaultPickup: PickupAddressSchema.nullable(),
    orderCreationEnabled: z.boolean(),
    serviceSelectionRule: ServiceSelectionRuleSchema.nullable(),
    /** At least one (service, rate table) pair is assigned: orders are quoted, and may become Drafts. */
    usesRatesAndServices: z.boolean(),
  }),
});
export type ClientChangedJob = z.infer<typeof ClientChangedJobSchema>;

export const ConnectionSecretSchema = z.object({
  secret: z.string(),
  /** null: current secret; otherwise the end of a rotated-out secret's grace period. */
  expiresAt: z.string().nullable(),
});
export type ConnectionSecret = z.infer<typeof ConnectionSecretSchema>;

export const ConnectionChangedJobSchema = z.object({
  ...change,
  name: z.literal('connection.changed'),
  connection: z.object({
    id: z.string(),
    clientId: z.string(),
    courierId: z.string(),
    platform: PlatformSchema,
    name: z.string().nullable(),
    settings: ConnectionSettingsSchema,
    secrets: z.array(ConnectionSecretSchema),
    deleted: z.boolean(),
  }),
});
export type ConnectionChangedJob = z.infer<typeof ConnectionChangedJobSchema>;

export const ApiKeyChangedJobSchema = z.object({
  ...change,
  name: z.literal('api-key.changed'),
  apiKey: z.object({
    id: z.string(),
    /** SHA-256 of the key: the key itself never leaves client settings. */
    keyHash: z.string(),
    courierId: z.string(),
    clientId: z.string().nullable(),
    revoked: z.boolean(),
  }),
});
export type ApiKeyChangedJob = z.infer<typeof ApiKeyChangedJobSchema>;

export const ServiceChangedJobSchema = z.object({
  ...change,
  name: z.literal('service.changed'),
  service: ServiceSchema,
  deleted: z.boolean(),
});
export type ServiceChangedJob = z.infer<typeof ServiceChangedJobSchema>;

export const RateTableChangedJobSchema = z.object({
  ...change,
  name: z.literal('rate-table.changed'),
  rateTable: RateTableSchema,
  deleted: z.boolean(),
});
export type RateTableChangedJob = z.infer<typeof RateTableChangedJobSchema>;

/** A client's whole set of (service, rate table) pairs, replacing the previous set. */
export const ClientServicesChangedJobSchema = z.object({
  ...change,
  name: z.literal('client-services.changed'),
  clientId: z.string(),
  courierId: z.string(),
  assignments: z.array(ServiceAssignmentSchema),
});
export type ClientServicesChangedJob = z.infer<typeof ClientServicesChangedJobSchema>;

export const SettingsJobSchema = z.discriminatedUnion('name', [
  ClientChangedJobSchema,
  ConnectionChangedJobSchema,
  ApiKeyChangedJobSchema,
  ServiceChangedJobSchema,
  RateTableChangedJobSchema,
  ClientServicesChangedJobSchema,
]);
export type SettingsJob = z.infer<typeof SettingsJobSchema>;
