import { Injectable } from '@nestjs/common';
import type { ErrorDetail } from '@portal/contracts';
import type { ConnectionContext } from '../../projection/connection-cache';
import { idText, isRecord, listOf, numberOf, readLosslessJson, recordOf, textOf } from '../lossless-json-body';
import {
  AddressDraft,
  cancellationReading,
  ContactDraft,
  EventDraft,
  finishReading,
  firstText,
  gramsToWeight,
  instantWithOffset,
  joinName,
  keepPhone,
  piecesFor,
  readWindow,
  valueForKey,
  withoutUndefined,
} from '../order-mapping';
import { DeliveryReading, header, ignoredReading, InboundDelivery, PlatformAdapter, Verification } from '../platform-adapter';
import { requireJson, verifyBase64BodyHmac } from '../request-checks';

/** The topics read: a new order, any change to it, its cancellation (PRODUCT 1.5). */
export const SHOPIFY_TOPICS = { create: 'orders/create', update: 'orders/updated', cancel: 'orders/cancelled' } as const;
const READ_TOPICS: readonly string[] = Object.values(SHOPIFY_TOPICS);

/** Where the dropoff address may come from, in order of preference. */
const ADDRESS_SOURCES = ['shipping_address', 'billing_address', 'customer.default_address'] as const;
type AddressSource = (typeof ADDRESS_SOURCES)[number];

type Ids = { externalEventId: string; externalOrderId: string };

/**
 * Shopify's order webhooks: the REST Order resource, unwrapped, signed with X-Shopify-Hmac-Sha256
 * over the raw body. Rules (docs/platforms/shopify.md):
 * - orders/create is a new order, orders/updated a change (or a cancellation when `cancelled_at` is
 *   set: Shopify sends either), orders/cancelled a cancellation; other topics and test orders are
 *   IGNORED (answered 200, recorded with a reason), and so is an orders/create of an order already
 *   cancelled (Shopify's own test notification);
 * - an order where no item needs shipping is IGNORED; one with no address anywhere is REJECTED;
 * - the event id is X-Shopify-Event-Id (equal on every duplicate of one event): the dedup key of
 *   changes and cancellations; creates are deduplicated on their order too, the exact 64-bit `id`
 *   as text;
 * - `occurredAt` is `updated_at`, the time of the state the payload shows: deliveries arrive out of
 *   order, and order management applies only what is newer than the order reflects.
 */
@Injectable()
export class ShopifyAdapter implements PlatformAdapter {
  verify(delivery: InboundDelivery, connection: ConnectionContext): Verification {
    requireJson(delivery);
    verifyBase64BodyHmac(delivery, connection, 'x-shopify-hmac-sha256', 'X-Shopify-Hmac-Sha256');
    return { kind: 'verified' };
  }

  read(delivery: InboundDelivery, connection: ConnectionContext): DeliveryReading {
    const topic = header(delivery, 'x-shopify-topic')?.trim();
    const json = readLosslessJson(delivery.body);
    const eventHeader = firstText(header(delivery, 'x-shopify-event-id')?.trim(), header(delivery, 'x-shopify-webhook-id')?.trim());
    if (!json.ok) {
      return { kind: 'invalid', code: 'INVALID_JSON', externalEventId: eventHeader ?? null, externalOrderId: null, message: json.message, details: [] };
    }
    const order = recordOf(json.value);
    // Only an orders/* topic's `id` is an order id.
    const orderId = topic?.startsWith('orders/') ? idText(order?.id) : undefined;
    const externalEventId = eventHeader ?? (orderId ? fallbackEventId(topic ?? '', orderId, order) : null);

    if (!topic || !READ_TOPICS.includes(topic)) {
      return ignoredReading(
        'UNSUPPORTED_TOPIC',
        topic
          ? `Shopify topic "${topic}" is not read: only ${READ_TOPICS.join(', ')} are.`
          : `The X-Shopify-Topic header is missing: only ${READ_TOPICS.join(', ')} deliveries are read.`,
        { externalEventId, externalOrderId: orderId ?? null },
      );
    }
    if (!order || !orderId || !externalEventId) {
      return {
        kind: 'invalid',
        code: 'VALIDATION_FAILED',
        externalEventId,
        externalOrderId: null,
        message: 'The body is not a Shopify order: see details.',
        details: [{ path: 'id', message: order ? 'is required: the Shopify order id (an integer)' : 'the body must be a JSON object (the Order resource)' }],
      };
    }
    const ids: Ids = { externalEventId, externalOrderId: orderId };
    if (order.test === true) {
      return ignoredReading('TEST_ORDER', 'Shopify marks this as a test order (test: true): test orders never become deliveries.', ids);
    }
    const cancelledAt = textOf(order.cancelled_at);
    if (topic === SHOPIFY_TOPICS.cancel || (topic === SHOPIFY_TOPICS.update && cancelledAt)) return this.cancellation(order, ids, delivery);
    if (cancelledAt) {
      return ignoredReading('ORDER_CANCELLED', `The order was already cancelled (cancelled_at ${cancelledAt}): cancelled orders never become deliveries.`, ids);
    }

    const items = listOf(order.line_items).filter(isRecord);
    const shipped = items.filter((item) => item.requires_shipping !== false);
    if (items.length > 0 && shipped.length === 0) {
      return ignoredReading('NOTHING_TO_SHIP', 'No item in this order needs shipping (requires_shipping is false for every line item): there is nothing to deliver.', ids);
    }
    return this.map(topic === SHOPIFY_TOPICS.create ? 'order.created' : 'order.updated', order, ids, shipped, delivery, connection);
  }

  private cancellation(order: Record<string, unknown>, ids: Ids, delivery: InboundDelivery): DeliveryReading {
    const reason = textOf(order.cancel_reason)?.slice(0, 500);
    return cancellationReading({
      id: ids.externalEventId,
      type: 'order.cancelled',
      occurredAt: occurredAt(order, delivery),
      order: { externalId: ids.externalOrderId },
      ...(reason ? { reason } : {}),
    });
  }

  private map(
    type: EventDraft['type'],
    order: Record<string, unknown>,
    ids: Ids,
    shipped: Record<string, unknown>[],
    delivery: InboundDelivery,
    connection: ConnectionContext,
  ): DeliveryReading {
    const problems: ErrorDetail[] = [];
    const customer = recordOf(order.customer);
    const found = pickAddress(order, customer);
    if (!found) {
      problems.push({ path: 'shipping_address', message: 'is empty, and so are billing_address and customer.default_address: there is no address to deliver to' });
    }
    const address = found?.address ?? {};

    const noteAttributes = listOf(order.note_attributes)
      .filter(isRecord)
      .map((a) => ({ key: textOf(a.name), value: a.value }));
    const window = readWindow(connection.settings, (key) => valueForKey(noteAttributes, key), (key) => `note_attributes[${key}]`, problems);

    const draft: EventDraft = {
      id: ids.externalEventId,
      type,
      occurredAt: occurredAt(order, delivery),
      order: {
        externalId: ids.externalOrderId,
        reference: textOf(order.name) ?? textOf(order.order_number),
        dropoff: {
          address: toAddress(address),
          contact: toContact(order, customer, found?.address),
          ...window,
          notes: textOf(order.note)?.slice(0, 2000),
        },
      },
    };
    const weight = weightOf(order, shipped) ?? connection.settings.defaultWeight ?? undefined;
    if (weight) draft.order.weight = weight;
    const pieces = piecesFor(connection.settings.pieces, shipped.map((item) => numberOf(item.quantity) ?? 0));
    if (pieces !== undefined) draft.order.pieces = pieces;

    const context = found && found.source !== 'shipping_address' ? `(The order has no shipping address; the dropoff address came from ${found.source}.)` : '';
    return finishReading(draft, problems, context);
  }
}

function pickAddress(order: Record<string, unknown>, customer: Record<string, unknown> | undefined): { source: AddressSource; address: Record<string, unknown> } | undefined {
  const candidates: Record<AddressSource, unknown> = {
    shipping_address: order.shipping_address,
    billing_address: order.billing_address,
    'customer.default_address': customer?.default_address,
  };
  for (const source of ADDRESS_SOURCES) {
    const address = recordOf(candidates[source]);
    if (address && textOf(address.address1)) return { source, address };
  }
  return undefined;
}

function toAddress(a: Record<string, unknown>): AddressDraft {
  const address: AddressDraft = {
    line1: textOf(a.address1),
    line2: textOf(a.address2),
    city: textOf(a.city),
    region: firstText(textOf(a.province_code), textOf(a.province)),
    postalCode: textOf(a.zip),
    country: textOf(a.country_code),
  };
  const lat = numberOf(a.latitude);
  const lng = numberOf(a.longitude);
  if (lat !== undefined && lng !== undefined && !(lat === 0 && lng === 0)) address.location = { lat, lng };
  return withoutUndefined(address);
}

function toContact(order: Record<string, unknown>, customer: Record<string, unknown> | undefined, address: Record<string, unknown> | undefined): ContactDraft {
  const billing = recordOf(order.billing_address);
  const email = firstText(textOf(order.email), textOf(order.contact_email), textOf(customer?.email));
  const contact: ContactDraft = {
    name: firstText(
      textOf(address?.name),
      joinName(textOf(address?.first_name), textOf(address?.last_name)),
      joinName(textOf(customer?.first_name), textOf(customer?.last_name)),
      textOf(billing?.name),
      textOf(address?.company),
      email,
    ),
    phone: keepPhone(firstText(textOf(address?.phone), textOf(order.phone), textOf(customer?.phone), textOf(billing?.phone))),
    email: email && email.length <= 254 ? email : undefined,
  };
  return withoutUndefined(contact);
}

/**
 * `total_weight` (grams) when positive; Shopify often sends 0 even when items weigh something, so then
 * the sum of grams x quantity over the items that need shipping; none when nothing carries a weight.
 */
function weightOf(order: Record<string, unknown>, shipped: Record<string, unknown>[]) {
  const total = numberOf(order.total_weight) ?? 0;
  if (total > 0) return gramsToWeight(total);
  const sum = shipped.reduce((grams, item) => grams + Math.max(0, numberOf(item.grams) ?? 0) * Math.max(0, numberOf(item.quantity) ?? 0), 0);
  return gramsToWeight(sum);
}

/**
 * The time of the state the payload shows: `updated_at` (with its offset), else when Shopify fired the
 * webhook (X-Shopify-Triggered-At), else when it arrived.
 */
function occurredAt(order: Record<string, unknown>, delivery: InboundDelivery): string {
  return instantWithOffset(textOf(order.updated_at)) ?? instantWithOffset(header(delivery, 'x-shopify-triggered-at')?.trim()) ?? delivery.receivedAt.toISOString();
}

/**
 * Without X-Shopify-Event-Id and X-Shopify-Webhook-Id (never seen from Shopify itself, but a hand-made
 * delivery may lack both), a create is keyed by its order and a change by the state it shows.
 */
function fallbackEventId(topic: string, orderId: string, order: Record<string, unknown> | undefined): string {
  return topic === SHOPIFY_TOPICS.create ? `${topic}:${orderId}` : `${topic}:${orderId}:${textOf(order?.updated_at) ?? ''}`;
}
