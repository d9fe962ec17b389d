import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiHeader, getSchemaPath } from '@nestjs/swagger';
import { CanonicalOrderCancelledEventSchema, CanonicalOrderCreatedEventSchema, CanonicalOrderUpdatedEventSchema } from '@portal/contracts';
import { ApiErrorResponse, createZodDto } from '@portal/service-kit';

class CanonicalOrderCreatedEventDto extends createZodDto(CanonicalOrderCreatedEventSchema) {}
class CanonicalOrderUpdatedEventDto extends createZodDto(CanonicalOrderUpdatedEventSchema) {}
class CanonicalOrderCancelledEventDto extends createZodDto(CanonicalOrderCancelledEventSchema) {}
const CANONICAL_EVENTS = [CanonicalOrderCreatedEventDto, CanonicalOrderUpdatedEventDto, CanonicalOrderCancelledEventDto];

const platformHeader = (platform: string) => (name: string, what: string) =>
  ApiHeader({ name, required: false, description: `${platform} connections: ${what}. Which headers apply is the connection's platform's choice, so none is required by the document.` });
const shopify = platformHeader('Shopify');
const woocommerce = platformHeader('WooCommerce');
const generic = platformHeader('Generic');

/**
 * What the webhook reads, documented: every platform's headers (all optional here: the
 * connection's platform decides which apply), the body (the generic canonical event, or a
 * platform's own payload), and the answers only the webhook gives.
 */
export const ApiHookRequest = (): MethodDecorator =>
  applyDecorators(
    generic('X-Signature', '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, refused when t is more than 5 minutes from now'),
    shopify('X-Shopify-Hmac-Sha256', 'base64 HMAC-SHA256 of the raw body with the connection\'s secret'),
    shopify('X-Shopify-Topic', 'the webhook topic: orders/create, orders/updated and orders/cancelled are read, others recorded IGNORED'),
    shopify('X-Shopify-Event-Id', 'the event id, equal on every copy of one event: the deduplication key of changes and cancellations'),
    shopify('X-Shopify-Webhook-Id', 'the webhook delivery id, used when X-Shopify-Event-Id is absent'),
    shopify('X-Shopify-Triggered-At', 'when Shopify fired the webhook: the time of the state when the order has no updated_at'),
    shopify('X-Shopify-Shop-Domain', 'the store that sent it'),
    woocommerce('X-WC-Webhook-Signature', 'base64 HMAC-SHA256 of the raw body with the connection\'s secret'),
    woocommerce('X-WC-Webhook-Topic', 'the webhook topic: order.created (a new order) and order.updated (a change or, by status, a cancellation) are read'),
    woocommerce('X-WC-Webhook-Source', 'the store that sent it'),
    woocommerce('X-WC-Webhook-Delivery-ID', 'the delivery id, new on every attempt: not a deduplication key'),
    ApiExtraModels(...CANONICAL_EVENTS),
    ApiBody({
      description:
        'Generic connections: a canonical order event (order.created, order.updated with the whole order as it now is, or order.cancelled). Shopify and WooCommerce connections: the platform\'s own order payload as it sends it (free JSON), or WooCommerce\'s unsigned form-encoded creation ping `webhook_id=N`. The raw bytes are what the signature covers.',
      schema: {
        anyOf: [
          ...CANONICAL_EVENTS.map((dto) => ({ $ref: getSchemaPath(dto) })),
          { type: 'object', additionalProperties: true, description: 'A Shopify or WooCommerce order payload, read by the connection\'s platform adapter.' },
        ],
      },
    }),
    ApiErrorResponse(400, 'Unreadable or invalid payload (INVALID_JSON, VALIDATION_FAILED, ...): every problem listed with its field path.'),
    ApiErrorResponse(401, 'Bad, missing or stale signature (UNAUTHORIZED, SIGNATURE_EXPIRED).'),
    ApiErrorResponse(403, "Integrations are turned off for the connection's client (FORBIDDEN); recorded in the event log."),
    ApiErrorResponse(404, 'Unknown or deleted connection (NOT_FOUND).'),
    ApiErrorResponse(413, 'Body over the limit (1 MiB unless configured) (PAYLOAD_TOO_LARGE).'),
    ApiErrorResponse(415, 'Wrong content type for the connection (UNSUPPORTED_MEDIA_TYPE).'),
    ApiErrorResponse(429, "Over the connection's rate limit (RATE_LIMITED): retry later."),
    ApiErrorResponse(503, 'The event could not be stored durably (UNAVAILABLE): retry, nothing was accepted.'),
  );
