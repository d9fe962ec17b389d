import { z } from 'zod';
import { ServiceSelectionRuleSchema } from '../common/platform.schema';

export const IntegrationSettingsSchema = z.object({
  orderCreationEnabled: z.boolean(),
  serviceSelectionRule: ServiceSelectionRuleSchema.nullable(),
});
export type IntegrationSettings = z.infer<typeof IntegrationSettingsSchema>;
