import { Inject, Injectable } from '@nestjs/common';
import {
  CanonicalOrderEventSchema,
  GENERIC_SIGNATURE_HEADER,
  genericSignatureDigest,
  parseGenericSignature,
} from '@portal/contracts';
import { APP_CONFIG, AppError, sameSecret, unauthorized, zodDetails } from '@portal/service-kit';
import type { GatewayConfig } from '../../config';
import type { ConnectionContext } from '../../projection/connection-cache';
import { activeSecrets } from '../verify-hmac';
import { DeliveryReading, header, InboundDelivery, PlatformAdapter, Verification } from '../platform-adapter';
import { readJsonBody } from '../read-json-body';
import { requireJson } from '../request-checks';

/**
 * Our own canonical JSON event, signed Stripe-style with a timestamp against replays (of requests:
 * a courier's replay of a stored delivery is not checked again, see PlatformAdapter).
 */
@Injectable()
export class GenericAdapter implements PlatformAdapter {
  constructor(@Inject(APP_CONFIG) private readonly config: GatewayConfig) {}

  verify(delivery: InboundDelivery, connection: ConnectionContext): Verification {
    requireJson(delivery);
    this.verifySignature(delivery, connection);
    return { kind: 'verified' };
  }

  /** Creates, updates (the whole order as it now is) and cancellations, deduplicated on the event id. */
  read(delivery: InboundDelivery): DeliveryReading {
    const json = readJsonBody(delivery.body);
    if (!json.ok) return { kind: 'invalid', code: 'INVALID_JSON', externalEventId: null, externalOrderId: null, message: json.message, details: [] };
    const parsed = CanonicalOrderEventSchema.safeParse(json.value);
    if (!parsed.success) {
      const raw = json.value as { id?: unknown; order?: { externalId?: unknown } } | null;
      return {
        kind: 'invalid',
        code: 'VALIDATION_FAILED',
        externalEventId: typeof raw?.id === 'string' ? raw.id : null,
        externalOrderId: typeof raw?.order?.externalId === 'string' ? raw.order.externalId : null,
        message: 'The event is not valid: see details.',
        details: zodDetails(parsed.error),
      };
    }
    const event = parsed.data;
    return { kind: 'event', externalEventId: event.id, externalOrderId: event.order.externalId, event, mayCreate: true };
  }

  private verifySignature(delivery: InboundDelivery, connection: ConnectionContext): void {
    const value = header(delivery, GENERIC_SIGNATURE_HEADER);
    if (!value) throw unauthorized('The X-Signature header is missing.');
    const signature = parseGenericSignature(value);
    if (!signature) throw unauthorized('The X-Signature header is not of the form t=<unix seconds>,v1=<hex HMAC-SHA256>.');
    const skew = Math.abs(delivery.receivedAt.getTime() / 1000 - signature.timestamp);
    if (skew > this.config.SIGNATURE_TOLERANCE_SECONDS) {
      throw new AppError(401, 'SIGNATURE_EXPIRED', `The signature timestamp is ${Math.round(skew)} s away from now; at most ${this.config.SIGNATURE_TOLERANCE_SECONDS} s is accepted.`);
    }
    const valid = activeSecrets(connection.secrets, delivery.receivedAt).some((secret) => {
      const expected = genericSignatureDigest(secret, signature.timestamp, delivery.body);
      return signature.signatures.some((claimed) => sameSecret(expected, claimed));
    });
    if (!valid) throw unauthorized('The signature does not match the body with this connection\'s signing secret.');
  }
}
