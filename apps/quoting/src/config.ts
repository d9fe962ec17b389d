import { BaseConfigSchema, loadConfig } from '@portal/service-kit';
import type { z } from 'zod';

export const QuotingConfigSchema = BaseConfigSchema;
export type QuotingConfig = z.infer<typeof QuotingConfigSchema>;

export const loadQuotingConfig = (): QuotingConfig => loadConfig(QuotingConfigSchema);
