import type { CanonicalOrderEvent, ErrorDetail, IntakeRecordedJob } from '@portal/contracts';
import type { DeliveryReading } from '../platforms/platform-adapter';
import type { RefusalCode } from '../platforms/refusal-codes';
import type { ConnectionContext } from '../projection/connection-cache';

/** A delivery recorded in the event log without being handed on as an event. */
export interface Refusal {
  outcome: IntakeRecordedJob['outcome'];
  reason: string;
  reasonCode: RefusalCode;
  externalEventId: string | null;
  externalOrderId: string | null;
}

/**
 * What becomes of a verified delivery: handed on as an event, or recorded as refused. `answer` says
 * how a live request is answered: 200 ignored, 400 with the problems, 403 integrations off.
 */
export type Verdict =
  | { kind: 'accept'; event: CanonicalOrderEvent; mayCreate: boolean }
  | { kind: 'refuse'; refusal: Refusal; answer: 'ignored' }
  | { kind: 'refuse'; refusal: Refusal; answer: 'invalid'; code: 'INVALID_JSON' | 'VALIDATION_FAILED'; message: string; details: ErrorDetail[] }
  | { kind: 'refuse'; refusal: Refusal; answer: 'disabled' };

export const INTEGRATIONS_OFF = 'Integration order creation is turned off for this client: its courier can turn it on in the integration settings.';

/**
 * The one rule for a delivery, live or replayed, once its platform has read it: a refusal by the
 * platform's rules stands whatever the client's settings (an ignored test order is IGNORED even
 * while integrations are off); an event is handed on only while the client's integrations are on.
 */
export function verdictOn(reading: DeliveryReading, connection: ConnectionContext): Verdict {
  const ids = { externalEventId: reading.externalEventId, externalOrderId: reading.externalOrderId };
  switch (reading.kind) {
    case 'invalid':
      return {
        kind: 'refuse',
        answer: 'invalid',
        code: reading.code,
        message: reading.message,
        details: reading.details,
        refusal: { outcome: 'REJECTED', reasonCode: reading.code, reason: [reading.message, ...reading.details.map((d) => `${d.path}: ${d.message}`)].join(' '), ...ids },
      };
    case 'ignored':
      return { kind: 'refuse', answer: 'ignored', refusal: { outcome: reading.outcome, reasonCode: reading.reasonCode, reason: reading.reason, ...ids } };
    case 'event':
      if (!connection.orderCreationEnabled) return { kind: 'refuse', answer: 'disabled', refusal: { outcome: 'REJECTED', reasonCode: 'INTEGRATIONS_OFF', reason: INTEGRATIONS_OFF, ...ids } };
      return { kind: 'accept', event: reading.event, mayCreate: reading.mayCreate };
  }
}
