import { BaseConfigSchema } from '@portal/service-kit';
import type { z } from 'zod';

export const QuotingConfigSchema = BaseConfigSchema;
export type QuotingConfig = z.infer<typeof QuotingConfigSchema>;
