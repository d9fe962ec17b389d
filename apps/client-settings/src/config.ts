import { BaseConfigSchema, OperatorTokenSchema } from '@portal/service-kit';
import { z } from 'zod';

export const ClientSettingsConfigSchema = BaseConfigSchema.extend({
  OPERATOR_TOKEN: OperatorTokenSchema,
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
  SECRET_GRACE_PERIOD_HOURS: z.coerce.number().min(0).max(24 * 30).default(24),
});
export type ClientSettingsConfig = z.infer<typeof ClientSettingsConfigSchema>;
