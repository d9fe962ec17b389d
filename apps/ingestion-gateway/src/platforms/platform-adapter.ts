import type { CanonicalOrderEvent, ErrorDetail } from '@portal/contracts';
import type { ConnectionContext } from '../projection/connection-cache';

/** A request as the gateway received it: the raw bytes the signature covers, and the headers. */
export interface InboundDelivery {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  receivedAt: Date;
}

/** What a verified delivery turned out to be. Refusals before verification are thrown as AppErrors. */
export type DeliveryReading =
  | { kind: 'event'; externalEventId: string; externalOrderId: string; event: CanonicalOrderEvent }
  /** Signed, but its payload cannot become an event: answered 400 and recorded. */
  | { kind: 'invalid'; code: 'INVALID_JSON' | 'VALIDATION_FAILED'; externalEventId: string | null; externalOrderId: string | null; message: string; details: ErrorDetail[] }
  /**
   * Signed and readable, but by rule it creates no order (another topic, a status that does not create
   * orders, a test or cancelled order: IGNORED), or it is an order that cannot become a delivery
   * (REJECTED). Recorded in the event log and answered 200 {status:'ignored'}: resending it cannot change it.
   */
  | { kind: 'ignored'; outcome: 'IGNORED' | 'REJECTED'; externalEventId: string | null; externalOrderId: string | null; reason: string }
  /** A platform's unsigned handshake (WooCommerce's creation ping): answered 200, nothing recorded. */
  | { kind: 'acknowledged'; reason: string };

/** One per platform: verifies a delivery and reads it into the canonical event. */
export interface PlatformAdapter {
  read(delivery: InboundDelivery, connection: ConnectionContext): DeliveryReading;
}

export const header = (delivery: InboundDelivery, name: string): string | undefined => {
  const value = delivery.headers[name];
  return Array.isArray(value) ? value[0] : value;
};
