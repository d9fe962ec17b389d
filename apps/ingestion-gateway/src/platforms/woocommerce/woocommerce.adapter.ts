import { Injectable } from '@nestjs/common';
import type { ErrorDetail } from '@portal/contracts';
import { createHash } from 'node:crypto';
import type { ConnectionContext } from '../../projection/connection-cache';
import { idText, isRecord, listOf, numberOf, readLosslessJson, recordOf, textOf } from '../lossless-json-body';
import {
  AddressDraft,
  cancellationReading,
  ContactDraft,
  DEFAULT_CANCEL_ON_STATUSES,
  DEFAULT_CREATE_ON_STATUSES,
  EventDraft,
  finishReading,
  firstText,
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

/** The topics read: order.created is a new order, order.updated any save of it (its status included). */
export const WOOCOMMERCE_ORDER_TOPICS = ['order.created', 'order.updated'];

const PING = /^webhook_id=(\d+)$/;

type Ids = { externalEventId: string; externalOrderId: string };

/**
 * WooCommerce's order webhooks: the REST API v3 order resource, signed with X-WC-Webhook-Signature over
 * the raw body. Rules (docs/platforms/woocommerce.md):
 * - the unsigned form-encoded `webhook_id=N` ping sent when a webhook is saved is answered 200 and not
 *   recorded (it is unauthenticated);
 * - order.created creates the order when its status is one of the connection's createOnStatuses
 *   (default processing, on-hold), and is IGNORED otherwise;
 * - order.updated in one of the connection's cancelOnStatuses (default cancelled, refunded, failed)
 *   is a cancellation; in a createOnStatuses status an update that may build the order (the payment
 *   came in: pending -> processing); in any other status an update of an existing order that never
 *   builds one (`mayCreate: false`);
 * - `occurredAt` is `date_modified_gmt`, UTC written without a Z: deliveries are not in order.
 */
@Injectable()
export class WooCommerceAdapter implements PlatformAdapter {
  verify(delivery: InboundDelivery, connection: ConnectionContext): Verification {
    const ping = readPing(delivery);
    if (ping) return { kind: 'handshake', reason: `WooCommerce webhook ${ping} ping` };
    requireJson(delivery);
    verifyBase64BodyHmac(delivery, connection, 'x-wc-webhook-signature', 'X-WC-Webhook-Signature');
    return { kind: 'verified' };
  }

  read(delivery: InboundDelivery, connection: ConnectionContext): DeliveryReading {
    const topic = header(delivery, 'x-wc-webhook-topic')?.trim();
    const json = readLosslessJson(delivery.body);
    if (!json.ok) return { kind: 'invalid', code: 'INVALID_JSON', externalEventId: null, externalOrderId: null, message: json.message, details: [] };
    const order = recordOf(json.value);
    const orderId = topic?.startsWith('order.') ? idText(order?.id) : undefined;
    const externalEventId = orderId ? deliveryKey(topic ?? '', orderId, order, delivery.body) : null;

    if (!topic || !WOOCOMMERCE_ORDER_TOPICS.includes(topic)) {
      return ignoredReading(
        'UNSUPPORTED_TOPIC',
        topic
          ? `WooCommerce topic "${topic}" is not read: only ${WOOCOMMERCE_ORDER_TOPICS.join(' and ')} are.`
          : `The X-WC-Webhook-Topic header is missing: only ${WOOCOMMERCE_ORDER_TOPICS.join(' and ')} deliveries are read.`,
        { externalEventId, externalOrderId: orderId ?? null },
      );
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
    const ids: Ids = { externalEventId, externalOrderId: orderId };
    const creating = connection.settings.createOnStatuses ?? DEFAULT_CREATE_ON_STATUSES;
    const cancelling = connection.settings.cancelOnStatuses ?? DEFAULT_CANCEL_ON_STATUSES;
    const status = textOf(order.status);
    // Cancelling is checked first: a status in both lists must never build an order a driver is sent to.
    const cancels = status !== undefined && cancelling.includes(status);
    const creates = status !== undefined && creating.includes(status) && !cancels;

    if (topic === 'order.updated' && cancels) {
      return cancellationReading({ id: externalEventId, type: 'order.cancelled', occurredAt: occurredAt(order, delivery), order: { externalId: orderId }, reason: `WooCommerce status "${status}"` });
    }
    if (topic === 'order.created' && !creates) {
      return ignoredReading(
        'STATUS_NOT_CREATING',
        `${status ? `Status "${status}"` : 'An order without a status'} creates no order on this connection (it creates orders in: ${creating.join(', ')}). ` +
          'An order.updated delivery that moves the order into one of those statuses creates it then.',
        ids,
      );
    }
    return this.map(topic === 'order.created' ? 'order.created' : 'order.updated', order, ids, delivery, connection, creates);
  }

  private map(type: EventDraft['type'], order: Record<string, unknown>, ids: Ids, delivery: InboundDelivery, connection: ConnectionContext, mayCreate: boolean): DeliveryReading {
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
      type,
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

    return finishReading(draft, problems, usesShipping ? '' : '(The shipping address is empty; the dropoff address came from billing.)', mayCreate);
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
 * `date_modified_gmt`, the time of the saved state, is UTC written without a Z: read as UTC by adding
 * one (never as the server's local time). `date_modified` (shop-local, no offset) is not used. Falls
 * back to when the delivery arrived.
 */
function occurredAt(order: Record<string, unknown>, delivery: InboundDelivery): string {
  const gmt = textOf(order.date_modified_gmt);
  return instantWithOffset(gmt && !/(Z|[+-]\d{2}:?\d{2})$/i.test(gmt) ? `${gmt.replace(' ', 'T')}Z` : gmt) ?? delivery.receivedAt.toISOString();
}

/**
 * WooCommerce sends no event id, and its delivery id is new on every attempt, so a delivery is keyed
 * by what it shows: `<topic>:<order id>:<date_modified_gmt>:<first 12 hex of sha256(raw body)>`. The
 * body hash is there because a shop may save an order several times within one second (a status
 * change and a note, say): two saves are two changes, the same save delivered twice is one.
 */
function deliveryKey(topic: string, orderId: string, order: Record<string, unknown> | undefined, body: Buffer): string {
  const modified = textOf(order?.date_modified_gmt) ?? textOf(order?.date_modified) ?? '';
  return `${topic}:${orderId}:${modified}:${createHash('sha256').update(body).digest('hex').slice(0, 12)}`;
}
