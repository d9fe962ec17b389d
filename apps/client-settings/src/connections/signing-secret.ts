import { randomBytes } from 'node:crypto';

/** A secret for platforms that take one pasted in (WooCommerce, generic senders); Shopify issues its own. */
export const generatedSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;
