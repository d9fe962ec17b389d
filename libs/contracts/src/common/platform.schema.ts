import { z } from 'zod';

export const PlatformSchema = z.enum(['shopify', 'woocommerce', 'generic']);
export type Platform = z.infer<typeof PlatformSchema>;

export const ServiceSelectionRuleSchema = z.enum(['FASTEST', 'CHEAPEST']);
export type ServiceSelectionRule = z.infer<typeof ServiceSelectionRuleSchema>;

export const UnitsSchema = z.enum(['kg', 'lb']);
export type Units = z.infer<typeof UnitsSchema>;
