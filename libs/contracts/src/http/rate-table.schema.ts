import { z } from 'zod';
import { UtcTimestampSchema } from '../common/time.schema';

const minorUnits = z.number().int('must be a whole number of minor units').nonnegative();
// Per-unit amounts may be fractional minor units (e.g. 0.5 cents per km); totals round half up.
const unitAmount = z.number().nonnegative().max(1e9);

export const RateMethodSchema = z.enum(['FLAT', 'PER_KM', 'PER_MI', 'PER_KG', 'PER_LB', 'PER_PIECE']);
export type RateMethod = z.infer<typeof RateMethodSchema>;
export const ModifierMetricSchema = z.enum(['DISTANCE_KM', 'DISTANCE_MI', 'WEIGHT_KG', 'WEIGHT_LB', 'PIECES']);
export type ModifierMetric = z.infer<typeof ModifierMetricSchema>;

export const RateTableBaseSchema = z.object({ method: RateMethodSchema, amount: minorUnits, unitAmount: unitAmount.optional() });
export const ModifierSchema = z.object({ metric: ModifierMetricSchema, above: z.number().nonnegative(), unitAmount });

const RateTableFieldsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'),
  base: RateTableBaseSchema,
  modifiers: z.array(ModifierSchema).max(50).default([]),
  minimum: minorUnits.optional(),
  maximum: minorUnits.optional(),
});

/** PATCH bodies: any fields; the merged table is then checked whole with CreateRateTableSchema. */
export const UpdateRateTableSchema = RateTableFieldsSchema.partial().extend({ modifiers: z.array(ModifierSchema).max(50).optional() });
export type UpdateRateTable = z.infer<typeof UpdateRateTableSchema>;

export const CreateRateTableSchema = RateTableFieldsSchema.superRefine((table, ctx) => {
    if (table.minimum !== undefined && table.maximum !== undefined && table.minimum > table.maximum) {
      ctx.addIssue({ code: 'custom', path: ['maximum'], message: 'must not be below minimum' });
    }
    if (table.base.method !== 'FLAT' && table.base.unitAmount === undefined) {
      ctx.addIssue({ code: 'custom', path: ['base', 'unitAmount'], message: `is required for ${table.base.method}` });
    }
});
export type CreateRateTable = z.infer<typeof CreateRateTableSchema>;

/** A rate table as stored and shared: how much (PRODUCT 2.1). Amounts are integer minor units. */
export const RateTableSchema = z.object({
  id: z.uuid(),
  courierId: z.uuid(),
  name: z.string(),
  currency: z.string(),
  base: RateTableBaseSchema,
  modifiers: z.array(ModifierSchema),
  minimum: z.number().int().optional(),
  maximum: z.number().int().optional(),
  createdAt: UtcTimestampSchema,
  updatedAt: UtcTimestampSchema,
});
export type RateTable = z.infer<typeof RateTableSchema>;

export const ServiceAssignmentSchema = z.object({ serviceId: z.uuid(), rateTableId: z.uuid() });
export type ServiceAssignment = z.infer<typeof ServiceAssignmentSchema>;
export const ServiceAssignmentsSchema = z.array(ServiceAssignmentSchema).max(100);
