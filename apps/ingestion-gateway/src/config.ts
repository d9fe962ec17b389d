import { BaseConfigSchema } from '@portal/service-kit';
import { z } from 'zod';

export const GatewayConfigSchema = BaseConfigSchema.extend({
  GATEWAY_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  /** Deliveries a second one connection may send before it gets 429. */
  GATEWAY_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(1).default(1000),
  SIGNATURE_TOLERANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  /** How long a connection's settings may be served from memory: changes show within this plus the relay's delay. */
  GATEWAY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(10_000).default(500),
  /**
   * Group commit of accepted deliveries: at most this many in one statement, and at most this many
   * statements at once. Deliveries that arrive while the statements run wait and go in the next
   * group, so a quiet gateway writes each delivery at once.
   */
  GATEWAY_STORE_GROUP_MAX: z.coerce.number().int().min(1).max(500).default(50),
  GATEWAY_STORE_IN_FLIGHT: z.coerce.number().int().min(1).max(100).default(1),
});
export type GatewayConfig = z.infer<typeof GatewayConfigSchema>;
