import { z } from 'zod';
import { PlatformSchema } from '../common/platform.schema';
import { WeightSchema } from '../common/task.schema';
import { UtcTimestampSchema } from '../common/time.schema';

export const PiecesSettingSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('ITEM_QUANTITY') }),
  z.object({ mode: z.literal('FIXED'), value: z.number().int().positive() }),
  z.object({ mode: z.literal('NONE') }),
]);

/** Per-connection reading rules (PRODUCT 2.1); every field optional, defaults applied by readers. */
export const ConnectionSettingsSchema = z.object({
  createOnStatuses: z.array(z.string().trim().min(1).max(50)).min(1).optional(),
  /**
   * WooCommerce statuses that cancel the order when an `order.updated` moves it into one (PRODUCT
   * 1.5; default cancelled, refunded, failed). A status in both lists cancels.
   */
  cancelOnStatuses: z.array(z.string().trim().min(1).max(50)).min(1).optional(),
  pieces: PiecesSettingSchema.optional(),
  defaultWeight: WeightSchema.nullable().optional(),
  windowKeys: z
    .object({ completeAfter: z.string().min(1).optional(), completeBefore: z.string().min(1).optional() })
    .optional(),
  /**
   * Hours without a delivery after which a connection that has delivered before shows SILENT
   * (default 48); fractions allowed. At most a year.
   */
  silentAfterHours: z.number().positive().max(24 * 366).optional(),
});
export type ConnectionSettings = z.infer<typeof ConnectionSettingsSchema>;

// A secret is whoever signs: generated secrets are 32 random bytes; given ones must not be trivially short.
const SigningSecretSchema = z.string().min(16, 'must be at least 16 characters').max(256);

export const CreateConnectionSchema = z
  .object({
    platform: PlatformSchema,
    name: z.string().trim().min(1).max(200).optional(),
    signingSecret: SigningSecretSchema.optional(),
    settings: ConnectionSettingsSchema.optional(),
  })
  .superRefine((body, ctx) => {
    // Shopify signs with a key Shopify issues: we cannot make one up for it.
    if (body.platform === 'shopify' && !body.signingSecret) {
      ctx.addIssue({ code: 'custom', path: ['signingSecret'], message: 'is required for shopify: paste the key Shopify shows beside your webhooks' });
    }
  });
export type CreateConnection = z.infer<typeof CreateConnectionSchema>;

/** PATCH a connection: rename it or replace its settings; the webhook URL and secret stay. */
export const UpdateConnectionSchema = z.object({
  name: z.string().trim().min(1).max(200).nullable().optional(),
  settings: ConnectionSettingsSchema.optional(),
});
export type UpdateConnection = z.infer<typeof UpdateConnectionSchema>;

export const RotateSecretSchema = z.object({ signingSecret: SigningSecretSchema.optional() });
export type RotateSecret = z.infer<typeof RotateSecretSchema>;

/**
 * NEW: nothing verified received yet; OK: a delivery within `settings.silentAfterHours`; SILENT: it
 * has delivered before and nothing came since (WooCommerce disables a failing webhook without a word).
 */
export const ConnectionHealthSchema = z.enum(['NEW', 'OK', 'SILENT']);
export type ConnectionHealth = z.infer<typeof ConnectionHealthSchema>;

export const ConnectionSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  platform: PlatformSchema,
  name: z.string().nullable(),
  webhookUrl: z.url(),
  settings: ConnectionSettingsSchema,
  createdAt: UtcTimestampSchema,
  /** The last verified delivery (accepted, repeated or refused after its signature checked), or null. */
  lastDeliveryAt: UtcTimestampSchema.nullable(),
  health: ConnectionHealthSchema,
});
export type Connection = z.infer<typeof ConnectionSchema>;

/** Only creation and rotation answer with the secret. */
export const ConnectionWithSecretSchema = ConnectionSchema.extend({ signingSecret: z.string() });
export type ConnectionWithSecret = z.infer<typeof ConnectionWithSecretSchema>;
