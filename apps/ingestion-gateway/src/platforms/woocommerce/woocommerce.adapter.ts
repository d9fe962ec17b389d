import { Injectable } from '@nestjs/common';
import { DateTimeInputSchema } from '@portal/contracts';
import type { ErrorDetail } from '@portal/contracts';
import type { ConnectionContext } from '../../projection/connection-cache';
import { idText, isRecord, listOf, numberOf, readLosslessJson, recordOf, textOf } from '../lossless-json-body';
import {
  AddressDraft,
  ContactDraft,
  DEFAULT_CREATE_ON_STATUSES,
  EventDraft,
  finishReading,
  firstText,
  joinName,
  keepPhone,
  piecesFor,
  readWindow,
  valueForKey,
  withoutUndefined,
} from '../order-mapping';
import { DeliveryReading, header, InboundDelivery, PlatformAdapter } from '../platform-adapter';
import { requireJson, verifyBase64BodyHmac } from '../request-checks';

/** The topics that may create an order: order.updated creates it once the order reaches an allowed status. */
export const WOOCOMMERCE_ORDER_TOPICS = ['order.created', 'order.updated'];

const PING = /^webhook_id=(\d+)$/;

/**
 * WooCommerce's order webhooks: the REST API v3 order resource, signed with X-WC-Webhook-Signature over
 * the raw body. Rules (docs/platforms/woocommerce.md):
 * - the unsigned form-encoded `webhook_id=N` ping sent when a webhook is saved is answered 200 and not
 *   recorded (it is unauthenticated);
 * - only order.created and order.updated are read; an order whose status is not one of the connection's
 *   createOnStatuses (default processing, on-hold) is IGNORED, so the order.updated that later moves it
 *   into such a status creates it; the gateway keeps one accepted event per (connection, order id);
 * - X-WC-Webhook-Delivery-ID is new on every attempt, so it is no dedup key: the event id is
 *   `<topic>:<order id>:<date_modified_gmt>` and the order id is `id`.
 */
@Injectable()
export class WooCommerceAdapter implements PlatformAdapter {
  read(delivery: InboundDelivery, connection: ConnectionContext): DeliveryReading {
    const ping = readPing(delivery);
    if (ping) return { kind: 'acknowledged', reason: `WooCommerce webhook ${ping} ping` };
    requireJson(delivery);
    verifyBase64BodyHmac(delivery, connection, 'x-wc-webhook-signature', 'X-WC-Webhook-Signature');

    const topic = header(delivery, 'x-wc-webhook-topic')?.trim();
    const json = readLosslessJson(delivery.body);
    if (!json.ok) return { kind: 'invalid', code: 'INVALID_JSON', externalEventId: null, externalOrderId: null, message: json.message, details: [] };
    const order = recordOf(json.value);
    const orderId = topic?.startsWith('order.') ? idText(order?.id) : undefined;
    const modified = textOf(order?.date_modified_gmt) ?? textOf(order?.date_modified);
    const externalEventId = orderId ? [topic, orderId, modified].filter(Boolean).join(':') : null;

    if (!topic || !WOOCOMMERCE_ORDER_TOPICS.includes(topic)) {
      return {
        kind: 'ignored',
        outcome: 'IGNORED',
        externalEventId,
        externalOrderId: orderId ?? null,
        reason: topic
          ? `WooCommerce topic "${topic}" creates no order: only ${WOOCOMMERCE_ORDER_TOPICS.join(' and ')} do.`
          : `The X-WC-Webhook-Topic header is missing: only ${WOOCOMMERCE_ORDER_TOPICS.join(' and ')} deliveries create orders.`,
      };
    }
    if (!order || !orderId || !externalEventId) {
      return {
        kind: 'invalid',
        code: 'VALIDATION_FAILED',
        externalEventId: null,
        externalOrderId: null,
        message: 'The body is not a WooCommerce order: see details.',
        details: [{ path: 'id', message: order ? 'is required: the WooCommerce order id' : 'the body must be a JSON object (the order resource)' }],
      };
    }
    const ids = { externalEventId, externalOrderId: orderId };

    const allowed = connection.settings.createOnStatuses ?? DEFAULT_CREATE_ON_STATUSES;
    const status = textOf(order.status);
    if (!status || !allowed.includes(status)) {
      return {
        kind: 'ignored',
        outcome: 'IGNORED',
        ...ids,
        reason:
          `${status ? `Status "${status}"` : 'An order without a status'} creates no order on this connection (it creates orders in: ${allowed.join(', ')}). ` +
          'An order.updated delivery that moves the order into one of those statuses creates it then.',
      };
    }
    return this.map(order, ids, delivery, connection);
  }

  private map(order: Record<string, unknown>, ids: { externalEventId: string; externalOrderId: string }, delivery: InboundDelivery, connection: ConnectionContext): DeliveryReading {
    const problems: ErrorDetail[] = [];
    const shipping = recordOf(order.shipping) ?? {};
    const billing = recordOf(order.billing) ?? {};
    // `shipping` is all empty strings when the shop ships to the billing address.
    const usesShipping = textOf(shipping.address_1) !== undefined;
    const from = usesShipping ? shipping : billing;
    if (!usesShipping && textOf(billing.address_1) === undefined) {
      problems.push({ path: 'shipping.address_1', message: 'is empty, and so is billing.address_1: there is no address to deliver to' });
    }
    const metaData = listOf(order.meta_data)
      .filter(isRecord)
      .map((m) => ({ key: textOf(m.key), value: m.value }));
    const window = readWindow(connection.settings, (key) => valueForKey(metaData, key), (key) => `meta_data[${key}]`, problems);

    const number = textOf(order.number) ?? ids.externalOrderId;
    const draft: EventDraft = {
      id: ids.externalEventId,
      type: 'order.created',
      occurredAt: occurredAt(order, delivery),
      order: {
        externalId: ids.externalOrderId,
        reference: `#${number}`,
        dropoff: {
          address: toAddress(from),
          contact: toContact(from, shipping, billing),
          ...window,
          notes: textOf(order.customer_note)?.slice(0, 2000),
        },
      },
    };
    // WooCommerce sends no weight at all: the connection's default weight, or none (PRODUCT 1.4).
    const weight = connection.settings.defaultWeight ?? undefined;
    if (weight) draft.order.weight = weight;
    const quantities = listOf(order.line_items)
      .filter(isRecord)
      .map((item) => numberOf(item.quantity) ?? 0);
    const pieces = piecesFor(connection.settings.pieces, quantities);
    if (pieces !== undefined) draft.order.pieces = pieces;

    return finishReading(draft, problems, usesShipping ? '' : '(The shipping address is empty; the dropoff address came from billing.)');
  }
}

/** WooCommerce's creation ping: form-encoded `webhook_id=N`, unsigned. Returns N, or undefined. */
function readPing(delivery: InboundDelivery): string | undefined {
  const contentType = header(delivery, 'content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType)) return undefined;
  if (delivery.body.length > 64) return undefined;
  return PING.exec(delivery.body.toString('utf8').trim())?.[1];
}

function toAddress(a: Record<string, unknown>): AddressDraft {
  return withoutUndefined({
    line1: textOf(a.address_1),
    line2: textOf(a.address_2),
    city: textOf(a.city),
    region: textOf(a.state),
    postalCode: textOf(a.postcode),
    country: textOf(a.country),
  });
}

function toContact(from: Record<string, unknown>, shipping: Record<string, unknown>, billing: Record<string, unknown>): ContactDraft {
  const email = textOf(billing.email);
  return withoutUndefined({
    name: firstText(
      joinName(textOf(from.first_name), textOf(from.last_name)),
      joinName(textOf(shipping.first_name), textOf(shipping.last_name)),
      joinName(textOf(billing.first_name), textOf(billing.last_name)),
      textOf(from.company),
      textOf(billing.company),
      email,
    ),
    phone: keepPhone(firstText(textOf(shipping.phone), textOf(billing.phone))),
    email: email && email.length <= 254 ? email : undefined,
  });
}

/**
 * `date_created_gmt` is UTC written without a Z: read as UTC by adding it (never as the server's local
 * time). `date_created` (shop-local, no offset) is not used. Falls back to when the delivery arrived.
 */
function occurredAt(order: Record<string, unknown>, delivery: InboundDelivery): string {
  const gmt = textOf(order.date_created_gmt);
  if (gmt) {
    const utc = /(Z|[+-]\d{2}:?\d{2})$/i.test(gmt) ? gmt : `${gmt.replace(' ', 'T')}Z`;
    if (DateTimeInputSchema.safeParse(utc).success) return utc;
  }
  return delivery.receivedAt.toISOString();
}
