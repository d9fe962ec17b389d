import { AppError, sameSecret, unauthorized } from '@portal/service-kit';
import { createHmac } from 'node:crypto';
import type { ConnectionContext } from '../projection/connection-cache';
import { header, InboundDelivery } from './platform-adapter';
import { activeSecrets } from './verify-hmac';

/** Platforms send their events as JSON: anything else is answered 415. */
export function requireJson(delivery: InboundDelivery): void {
  const contentType = header(delivery, 'content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the event as application/json (got "${contentType || 'no content type'}").`);
  }
}

/**
 * Shopify's and WooCommerce's scheme: the header carries the base64 HMAC-SHA256 of the raw body bytes,
 * keyed with the connection's secret (the current one, or a rotated-out one inside its grace period).
 * Computed over the bytes as received, never over re-serialised JSON; compared in constant time.
 */
export function verifyBase64BodyHmac(delivery: InboundDelivery, connection: ConnectionContext, headerName: string, label: string): void {
  const claimed = header(delivery, headerName.toLowerCase())?.trim();
  if (!claimed) throw unauthorized(`The ${label} header is missing.`);
  const valid = activeSecrets(connection.secrets, delivery.receivedAt).some((secret) =>
    sameSecret(createHmac('sha256', secret).update(delivery.body).digest('base64'), claimed),
  );
  if (!valid) throw unauthorized(`The ${label} signature does not match the body with this connection's signing secret.`);
}
