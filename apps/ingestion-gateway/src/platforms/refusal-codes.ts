/**
 * The reason codes the gateway records for a verified delivery that becomes no event, or for a
 * replay it cannot hand on (PRODUCT 2.3: `reasonCode` is for filters and replays). Order management
 * adds its own (NO_PICKUP_ADDRESS, STALE, NO_CHANGE...) for events it was handed.
 */
export const REFUSAL_CODES = [
  /** A repeat of an accepted delivery (the same event id, or the same new order). */
  'DUPLICATE',
  /** A replay that kept failing after every retry. */
  'PROCESSING_FAILED',
  /** The body is not JSON, or not the platform's order (answered 400). */
  'INVALID_JSON',
  'VALIDATION_FAILED',
  /** The client's integrations are off (answered 403; a replay records it too). */
  'INTEGRATIONS_OFF',
  /** A replay of a delivery whose connection has been deleted since. */
  'CONNECTION_DELETED',
  /** A replay of a refusal recorded before the gateway kept refused deliveries: nothing to read again. */
  'DELIVERY_NOT_KEPT',
  /** A webhook topic the gateway does not read (products/create, order.deleted...). */
  'UNSUPPORTED_TOPIC',
  /** A Shopify test order (`test: true`): test orders never dispatch a courier. */
  'TEST_ORDER',
  /** A create of an order the store had already cancelled (Shopify's test notification sample). */
  'ORDER_CANCELLED',
  /** No line item needs shipping: nothing to deliver. */
  'NOTHING_TO_SHIP',
  /** A WooCommerce order.created in a status the connection does not create orders in. */
  'STATUS_NOT_CREATING',
  /** A platform order that cannot become a delivery (no address, an unreadable window). */
  'UNDELIVERABLE',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];
