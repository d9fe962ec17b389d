import { BaseConfigSchema, OperatorTokenSchema } from '@portal/service-kit';
import { z } from 'zod';

export const OrderManagementConfigSchema = BaseConfigSchema.extend({
  /** Opens the queue dashboard. */
  OPERATOR_TOKEN: OperatorTokenSchema,
  /** Internal services that each get every order event on their own queue (PRODUCT 2.4). */
  ORDER_EVENT_SUBSCRIBERS: z
    .string()
    .default('default')
    .transform((value) => value.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9_-]+$/, 'subscriber names use letters, digits, - and _')).min(1)),
});
export type OrderManagementConfig = z.infer<typeof OrderManagementConfigSchema>;
