import { z } from 'zod';
import { PickupAddressSchema } from '../common/task.schema';
import { TimezoneSchema, UtcTimestampSchema } from '../common/time.schema';
import { UnitsSchema } from '../common/platform.schema';

export const CreateClientSchema = z.object({
  name: z.string().trim().min(1).max(200),
  timezone: TimezoneSchema,
  units: UnitsSchema,
  defaultPickup: PickupAddressSchema.nullable().optional(),
});
export type CreateClient = z.infer<typeof CreateClientSchema>;

export const UpdateClientSchema = CreateClientSchema.partial();
export type UpdateClient = z.infer<typeof UpdateClientSchema>;

export const ClientSchema = z.object({
  id: z.uuid(),
  courierId: z.uuid(),
  name: z.string(),
  timezone: z.string(),
  units: UnitsSchema,
  defaultPickup: PickupAddressSchema.nullable(),
  createdAt: UtcTimestampSchema,
  updatedAt: UtcTimestampSchema,
});
export type Client = z.infer<typeof ClientSchema>;
