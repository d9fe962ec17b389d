/**
 * Signed Shopify and WooCommerce samples for the demo sender, built from the gateway's fixtures
 * (apps/ingestion-gateway/test/fixtures): realistic payloads with a fresh order id each time, signed
 * as each platform signs (base64 HMAC-SHA256 of the raw body) and sent with the platform's headers.
 */
import { createHash, createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLosslessNumber, LosslessNumber, parse, stringify } from 'lossless-json';

export type SamplePlatform = 'shopify' | 'woocommerce';

const FIXTURES = join(__dirname, '..', '..', 'apps', 'ingestion-gateway', 'test', 'fixtures');

/** The fixture each platform's demo sends unless --sample names another. */
export const DEFAULT_SAMPLES: Record<SamplePlatform, string> = {
  shopify: 'order-64bit-ids.json',
  woocommerce: 'order-created-processing.json',
};

export const DEFAULT_TOPICS: Record<SamplePlatform, string> = { shopify: 'orders/create', woocommerce: 'order.created' };

/** A change to an order sent before: what each platform sends, and the sample showing it. */
export type SampleChange = 'update' | 'cancel';

export const CHANGE_SAMPLES: Record<SamplePlatform, Record<SampleChange, { sample: string; topic: string }>> = {
  // Shopify: a corrected shipping address; a cancellation by the customer.
  shopify: { update: { sample: 'orders-updated-address.json', topic: 'orders/updated' }, cancel: { sample: 'orders-cancelled.json', topic: 'orders/cancelled' } },
  // WooCommerce has one topic for every save: the status says what happened (the update adds to the note).
  woocommerce: { update: { sample: 'order-updated-same-second.json', topic: 'order.updated' }, cancel: { sample: 'order-updated-cancelled.json', topic: 'order.updated' } },
};

export interface PlatformDelivery {
  body: string;
  headers: Record<string, string>;
  /** The order id the gateway will read (the external order id in order management). */
  externalOrderId: string | undefined;
}

export interface SampleOptions {
  /** A fixture name in the platform's fixture folder (default: DEFAULT_SAMPLES, or CHANGE_SAMPLES for a change). */
  sample?: string;
  /** Send a change to the order `externalId` instead of a new order. */
  change?: SampleChange;
  /** Send this file's exact bytes instead (no fresh ids). */
  file?: string;
  externalId?: string;
  eventId?: string;
  topic?: string;
  now?: Date;
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value) && !isLosslessNumber(value);

export const base64Hmac = (secret: string, body: string): string => createHmac('sha256', secret).update(body).digest('base64');

/** A random id in Shopify's 64-bit range (beyond JavaScript's safe integers, on purpose). */
const randomShopifyId = (): string => `${randomInt(1, 9)}${BigInt(`0x${randomBytes(8).toString('hex')}`).toString().padStart(18, '0').slice(0, 18)}`;

function asId(value: string): LosslessNumber | string {
  return /^\d+$/.test(value) ? new LosslessNumber(value) : value;
}

function idOf(value: unknown): string | undefined {
  if (isLosslessNumber(value)) return value.value;
  return typeof value === 'string' ? value : undefined;
}

/** Builds a signed delivery of a platform sample for a connection secret. */
export function platformDelivery(platform: SamplePlatform, secret: string, options: SampleOptions = {}): PlatformDelivery {
  const change = options.change ? CHANGE_SAMPLES[platform][options.change] : undefined;
  const topic = options.topic ?? change?.topic ?? DEFAULT_TOPICS[platform];
  let body: string;
  let externalOrderId: string | undefined;
  if (options.file) {
    body = readFileSync(options.file, 'utf8');
    const parsed = parse(body);
    externalOrderId = isObject(parsed) ? idOf(parsed.id) : undefined;
  } else {
    const order = parse(readFileSync(join(FIXTURES, platform, options.sample ?? change?.sample ?? DEFAULT_SAMPLES[platform]), 'utf8'));
    if (!isObject(order)) throw new Error('The sample is not a JSON object');
    externalOrderId = platform === 'shopify' ? freshShopifyOrder(order, options) : freshWooOrder(order, options);
    body = stringify(order, null, 2) ?? '';
  }
  const signature = base64Hmac(secret, body);
  const headers: Record<string, string> =
    platform === 'shopify'
      ? {
          'content-type': 'application/json',
          'x-shopify-hmac-sha256': signature,
          'x-shopify-topic': topic,
          'x-shopify-shop-domain': 'midtown-flowers.myshopify.com',
          'x-shopify-api-version': '2025-10',
          'x-shopify-webhook-id': randomUUID(),
          'x-shopify-event-id': options.eventId ?? randomUUID(),
          'x-shopify-triggered-at': new Date().toISOString(),
        }
      : {
          'content-type': 'application/json',
          'user-agent': 'WooCommerce/8.3.1 Hookshot (WordPress/6.4.1)',
          'x-wc-webhook-signature': signature,
          'x-wc-webhook-topic': topic,
          'x-wc-webhook-resource': topic.split('.')[0],
          'x-wc-webhook-event': topic.split('.')[1] ?? '',
          'x-wc-webhook-source': 'https://tulips.example/',
          'x-wc-webhook-id': '42',
          'x-wc-webhook-delivery-id': randomBytes(16).toString('hex'),
        };
  return { body, headers, externalOrderId };
}

/** A number for the order's name, the same for every event of one order (an update keeps its #name). */
const orderNumberOf = (id: string): number => 1000 + (Number(BigInt(`0x${createHash('sha256').update(id).digest('hex').slice(0, 12)}`) % 90_000n));

/**
 * The order id and name, changed now (created now for a new order); a cancellation is cancelled now.
 * The rest of the sample as Shopify wrote it.
 */
function freshShopifyOrder(order: JsonObject, options: SampleOptions): string {
  const id = options.externalId ?? randomShopifyId();
  const number = orderNumberOf(id);
  const now = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  order.id = asId(id);
  order.admin_graphql_api_id = `gid://shopify/Order/${id}`;
  order.name = `#${number}`;
  order.order_number = new LosslessNumber(String(number));
  if (!options.change) {
    order.created_at = now;
    order.processed_at = now;
  }
  if (options.change === 'cancel') order.cancelled_at = now;
  order.updated_at = now;
  return id;
}

/** The order id and number, saved now (created now for a new order): WooCommerce writes UTC without a Z in *_gmt. */
function freshWooOrder(order: JsonObject, options: SampleOptions): string {
  const id = options.externalId ?? String(randomInt(10_000, 999_999));
  const gmt = (options.now ?? new Date()).toISOString().slice(0, 19);
  order.id = asId(id);
  order.number = id;
  if (!options.change) {
    order.order_key = `wc_order_${randomBytes(6).toString('hex')}`;
    order.date_created_gmt = gmt;
    order.date_paid_gmt = gmt;
  }
  order.date_modified_gmt = gmt;
  return id;
}

/** WooCommerce's unsigned creation ping, as sent when a webhook is saved. */
export const wooPing = (webhookId = 42): { body: string; headers: Record<string, string> } => ({
  body: `webhook_id=${webhookId}`,
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'WooCommerce/8.3.1 Hookshot (WordPress/6.4.1)' },
});
