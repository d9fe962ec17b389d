import { CanonicalOrderEventSchema, type CanonicalOrderStateEvent } from '@portal/contracts';
import type { ConnectionSettings, Platform } from '@portal/contracts';
import type { AppError } from '@portal/service-kit';
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeliveryReading, InboundDelivery, PlatformAdapter } from '../src/platforms/platform-adapter';
import type { ConnectionContext } from '../src/projection/connection-cache';

export const FIXTURES = join(__dirname, 'fixtures');

/** A fixture's exact bytes (never re-serialised: the signature covers these bytes). */
export const fixture = (platform: 'shopify' | 'woocommerce', name: string): string => readFileSync(join(FIXTURES, platform, name), 'utf8');

/** Base64 HMAC-SHA256 of the raw body: how Shopify and WooCommerce sign. */
export const base64Hmac = (secret: string, body: string | Buffer): string => createHmac('sha256', secret).update(body).digest('base64');

export function connectionContext(platform: Platform, settings: ConnectionSettings = {}, secret = 'shpss_0123456789abcdef0123456789abcdef'): ConnectionContext {
  return {
    connectionId: randomUUID(),
    clientId: randomUUID(),
    courierId: randomUUID(),
    platform,
    settings,
    secrets: [{ secret, expiresAt: null }],
    timezone: 'America/New_York',
    orderCreationEnabled: true,
  };
}

export interface ShopifyDeliveryOptions {
  topic?: string | null;
  triggeredAt?: string;
  eventId?: string | null;
  webhookId?: string;
  secret?: string;
  signature?: string | null;
  contentType?: string;
}

export function shopifyDelivery(body: string, secret: string, options: ShopifyDeliveryOptions = {}): InboundDelivery {
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json',
    'x-shopify-shop-domain': 'midtown-flowers.myshopify.com',
    'x-shopify-api-version': '2025-10',
    'x-shopify-webhook-id': options.webhookId ?? randomUUID(),
    'x-shopify-triggered-at': options.triggeredAt ?? '2026-11-24T15:15:03.123456789Z',
  };
  if (options.topic !== null) headers['x-shopify-topic'] = options.topic ?? 'orders/create';
  if (options.eventId !== null) headers['x-shopify-event-id'] = options.eventId ?? randomUUID();
  if (options.signature !== null) headers['x-shopify-hmac-sha256'] = options.signature ?? base64Hmac(options.secret ?? secret, body);
  return { headers, body: Buffer.from(body), receivedAt: new Date() };
}

export interface WooDeliveryOptions {
  topic?: string | null;
  deliveryId?: string;
  secret?: string;
  signature?: string | null;
  contentType?: string;
}

export function wooDelivery(body: string, secret: string, options: WooDeliveryOptions = {}): InboundDelivery {
  const topic = options.topic === undefined ? 'order.created' : options.topic;
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json',
    'user-agent': 'WooCommerce/8.3.1 Hookshot (WordPress/6.4.1)',
    'x-wc-webhook-source': 'https://tulips.example/',
    'x-wc-webhook-id': '42',
    'x-wc-webhook-delivery-id': options.deliveryId ?? randomUUID().replace(/-/g, ''),
  };
  if (topic !== null) {
    headers['x-wc-webhook-topic'] = topic;
    headers['x-wc-webhook-resource'] = topic.split('.')[0];
    headers['x-wc-webhook-event'] = topic.split('.')[1] ?? '';
  }
  if (options.signature !== null) headers['x-wc-webhook-signature'] = options.signature ?? base64Hmac(options.secret ?? secret, body);
  return { headers, body: Buffer.from(body), receivedAt: new Date() };
}

/** WooCommerce's unsigned creation ping. */
export const wooPing = (): InboundDelivery => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'WooCommerce/8.3.1 Hookshot (WordPress/6.4.1)' },
  body: Buffer.from(fixture('woocommerce', 'ping.txt')),
  receivedAt: new Date(),
});

/** A live delivery as the gateway reads it: verified first (401 and 415 are thrown), then read. */
export function readLive(adapter: PlatformAdapter, delivery: InboundDelivery, connection: ConnectionContext): DeliveryReading {
  const verification = adapter.verify(delivery, connection);
  if (verification.kind === 'handshake') throw new Error(`expected a delivery to read, got a handshake: ${verification.reason}`);
  return adapter.read(delivery, connection);
}

/** The canonical event a reading carries, checked against its contract; fails the test otherwise. */
export function eventOf(reading: DeliveryReading) {
  if (reading.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(reading)}`);
  expect(CanonicalOrderEventSchema.parse(reading.event)).toEqual(reading.event);
  return reading.event;
}

/** The event of a reading that must carry the whole order (a create or an update). */
export function stateEventOf(reading: DeliveryReading): CanonicalOrderStateEvent {
  const event = eventOf(reading);
  if (event.type === 'order.cancelled') throw new Error(`expected a create or an update, got ${JSON.stringify(event)}`);
  return event;
}

/** The status and code an adapter refused with, or null when it did not refuse. */
export const refusal = (read: () => unknown): { status: number; code: string } | null => {
  try {
    read();
    return null;
  } catch (e) {
    return { status: (e as AppError).getStatus(), code: (e as AppError).code };
  }
};
