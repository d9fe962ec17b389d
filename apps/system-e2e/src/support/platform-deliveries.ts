import { HookAnswerSchema } from '@portal/contracts';
import type { ConnectionSettings, ConnectionWithSecret } from '@portal/contracts';
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request, type ApiClient, type ApiResponse } from './api';
import { eventually } from './eventually';

/** The gateway's platform fixtures: realistic Shopify and WooCommerce payloads, one per trap. */
const FIXTURES = join(__dirname, '..', '..', '..', 'ingestion-gateway', 'test', 'fixtures');

/** A fixture's exact text (the signature covers these bytes, so they are never re-serialised). */
export const platformFixture = (platform: 'shopify' | 'woocommerce', name: string): string => readFileSync(join(FIXTURES, platform, name), 'utf8');

/** Base64 HMAC-SHA256 of the raw body, as Shopify and WooCommerce sign. */
export const base64Hmac = (secret: string, body: string): string => createHmac('sha256', secret).update(body).digest('base64');

export async function createPlatformConnection(
  api: ApiClient,
  clientId: string,
  body: { platform: 'shopify' | 'woocommerce'; signingSecret?: string; settings?: ConnectionSettings; name?: string },
): Promise<ConnectionWithSecret> {
  const res = await api.post<ConnectionWithSecret>(`/v1/clients/${clientId}/connections`, body);
  if (res.status !== 201) throw new Error(`POST connections answered ${res.status}: ${res.text}`);
  return res.body;
}

export interface ShopifySend {
  topic?: string;
  eventId?: string;
  /** Sign with this secret instead of the connection's. */
  signWith?: string;
}

/** Posts a body as Shopify does: X-Shopify-Hmac-Sha256 over the raw bytes, topic, event and webhook ids. */
export function sendShopify(connection: ConnectionWithSecret, body: string, options: ShopifySend = {}): Promise<ApiResponse> {
  return request('POST', connection.webhookUrl, {
    body,
    headers: {
      'content-type': 'application/json',
      'x-shopify-hmac-sha256': base64Hmac(options.signWith ?? connection.signingSecret, body),
      'x-shopify-topic': options.topic ?? 'orders/create',
      'x-shopify-shop-domain': 'midtown-flowers.myshopify.com',
      'x-shopify-api-version': '2025-10',
      'x-shopify-webhook-id': randomUUID(),
      'x-shopify-event-id': options.eventId ?? randomUUID(),
      'x-shopify-triggered-at': new Date().toISOString(),
    },
  });
}

export interface WooSend {
  topic?: string;
  deliveryId?: string;
  signWith?: string;
}

/** Posts a body as WooCommerce does: X-WC-Webhook-Signature over the raw bytes, a new delivery id each time. */
export function sendWoo(connection: ConnectionWithSecret, body: string, options: WooSend = {}): Promise<ApiResponse> {
  const topic = options.topic ?? 'order.created';
  const [resource, event] = topic.split('.');
  return request('POST', connection.webhookUrl, {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'WooCommerce/8.3.1 Hookshot (WordPress/6.4.1)',
      'x-wc-webhook-signature': base64Hmac(options.signWith ?? connection.signingSecret, body),
      'x-wc-webhook-topic': topic,
      'x-wc-webhook-resource': resource,
      'x-wc-webhook-event': event ?? '',
      'x-wc-webhook-source': 'https://tulips.example/',
      'x-wc-webhook-id': '42',
      'x-wc-webhook-delivery-id': options.deliveryId ?? randomUUID().replace(/-/g, ''),
    },
  });
}

/** WooCommerce's unsigned creation ping. */
export const sendWooPing = (connection: ConnectionWithSecret, webhookId = 42): Promise<ApiResponse> =>
  request('POST', connection.webhookUrl, {
    body: `webhook_id=${webhookId}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'WooCommerce/8.3.1 Hookshot (WordPress/6.4.1)' },
  });

/** Sends until configuration has reached the gateway (404/403 for about a second), returns the first other answer. */
export function whenConfigured(send: () => Promise<ApiResponse>, timeoutMs = 10_000): Promise<ApiResponse> {
  return eventually(async () => {
    const res = await send();
    if (res.status === 404 || res.status === 403) throw new Error(`gateway still answers ${res.status}: ${res.text}`);
    return res;
  }, timeoutMs, 150);
}

/** Gives a fixture another order id (exact text, so 64-bit ids stay 64-bit) for a test that needs a fresh order. */
export const withOrderId = (body: string, from: string, to: string): string => body.split(from).join(to);

/** A delivery the gateway stored (202); answers its event id. */
export const expectAccepted = (res: ApiResponse): string => {
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 202, body: { status: 'accepted' } });
  return HookAnswerSchema.parse(res.body).eventId;
};

/** A delivery the gateway recorded without an order (200 ignored); answers its event id. */
export const expectIgnored = (res: ApiResponse): string => {
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 200, body: { status: 'ignored' } });
  return HookAnswerSchema.parse(res.body).eventId;
};
