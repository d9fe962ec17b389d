import type { CanonicalOrderEvent, ErrorDetail } from '@portal/contracts';
import type { ConnectionContext } from '../projection/connection-cache';
import type { RefusalCode } from './refusal-codes';

/** A request as the gateway received it: the raw bytes the signature covers, and the headers. */
export interface InboundDelivery {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  receivedAt: Date;
}

/** What a live request's checks found. Refusals (401, 415) are thrown as AppErrors. */
export type Verification =
  | { kind: 'verified' }
  /** A platform's unsigned handshake (WooCommerce's creation ping): answered 200, nothing recorded. */
  | { kind: 'handshake'; reason: string };

/** What a verified delivery turned out to be. */
export type DeliveryReading =
  /**
   * A create, an update or a cancellation. `mayCreate` is false for an update that may change an
   * existing order but must never build one (a WooCommerce order saved in a status that creates none).
   */
  | { kind: 'event'; externalEventId: string; externalOrderId: string; event: CanonicalOrderEvent; mayCreate: boolean }
  /** Signed, but its payload cannot become an event: answered 400 and recorded. */
  | { kind: 'invalid'; code: 'INVALID_JSON' | 'VALIDATION_FAILED'; externalEventId: string | null; externalOrderId: string | null; message: string; details: ErrorDetail[] }
  /**
   * Signed and readable, but by rule it creates no order (another topic, a status that does not create
   * orders, a test or cancelled order: IGNORED), or it is an order that cannot become a delivery
   * (REJECTED). Recorded in the event log and answered 200 {status:'ignored'}: resending it cannot change it.
   */
  | { kind: 'ignored'; outcome: 'IGNORED' | 'REJECTED'; reasonCode: RefusalCode; externalEventId: string | null; externalOrderId: string | null; reason: string };

/**
 * One per platform. `verify` checks a live request (content type, signature); `read` turns a
 * verified delivery into the canonical event or a refusal with the connection's settings of now.
 * They are apart because a replay reads a stored delivery again without verifying it a second time:
 * it was verified when it arrived, and the secret may have been rotated since.
 */
export interface PlatformAdapter {
  verify(delivery: InboundDelivery, connection: ConnectionContext): Verification;
  read(delivery: InboundDelivery, connection: ConnectionContext): DeliveryReading;
}

export const header = (delivery: InboundDelivery, name: string): string | undefined => {
  const value = delivery.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** A delivery that the rules answer without an order, with the machine-readable reason. */
export const ignoredReading = (
  reasonCode: RefusalCode,
  reason: string,
  ids: { externalEventId: string | null; externalOrderId: string | null },
  outcome: 'IGNORED' | 'REJECTED' = 'IGNORED',
): DeliveryReading => ({ kind: 'ignored', outcome, reasonCode, reason, ...ids });
