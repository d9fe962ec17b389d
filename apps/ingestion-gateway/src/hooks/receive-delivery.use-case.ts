import { Injectable } from '@nestjs/common';
import type { HookAnswer, Platform } from '@portal/contracts';
import { AppError, forbidden, notFound, resourceId } from '@portal/service-kit';
import { Counter } from 'prom-client';
import { v7 as uuidv7 } from 'uuid';
import { ConnectionActivity } from '../activity/connection-activity';
import { GenericAdapter } from '../platforms/generic/generic.adapter';
import type { InboundDelivery, PlatformAdapter } from '../platforms/platform-adapter';
import { ShopifyAdapter } from '../platforms/shopify/shopify.adapter';
import { WooCommerceAdapter } from '../platforms/woocommerce/woocommerce.adapter';
import { storableText } from '../platforms/storable-text';
import { ConnectionCache } from '../projection/connection-cache';
import { ConnectionRateLimiter } from './connection-rate-limiter';
import { verdictOn } from './delivery-verdict';
import { EventStore } from './event-store';

/** What became of a delivery, for the request's log line. */
export type DeliveryFacts = {
  connectionId: string;
  eventId: string;
  answer: 'acknowledged' | 'accepted' | 'duplicate' | 'ignored';
  type?: string;
  externalOrderId?: string | null;
  /** Why a delivery was answered without an event. */
  outcome?: string;
  reason?: string;
  reasonCode?: string;
};

export interface ReceiveAnswer {
  status: 200 | 202;
  body: HookAnswer;
  facts: DeliveryFacts;
}

const deliveries = new Counter({
  name: 'gateway_deliveries_total',
  help: 'Deliveries by platform and what the gateway answered.',
  labelNames: ['platform', 'outcome'],
});

/**
 * One delivery, from raw request to a durable event: find the connection, let its platform verify
 * the request, hold it to its rate, read the payload, refuse what the rules refuse (recorded with the
 * delivery, for replays), store the rest. It logs nothing itself: the answer carries what happened,
 * and the transport adds it to the request's one log line.
 */
@Injectable()
export class ReceiveDelivery {
  private readonly adapters: Record<Platform, PlatformAdapter>;

  constructor(
    private readonly connections: ConnectionCache,
    private readonly rateLimiter: ConnectionRateLimiter,
    private readonly store: EventStore,
    private readonly activity: ConnectionActivity,
    generic: GenericAdapter,
    shopify: ShopifyAdapter,
    woocommerce: WooCommerceAdapter,
  ) {
    this.adapters = { generic, shopify, woocommerce };
  }

  async execute(connectionId: string, delivery: InboundDelivery): Promise<ReceiveAnswer> {
    const connection = await this.connections.get(resourceId(connectionId, 'Connection'));
    if (!connection) throw notFound('Connection');
    const adapter = this.adapters[connection.platform];
    const verification = adapter.verify(delivery, connection);
    if (verification.kind === 'handshake') {
      // An unsigned handshake: answered so the platform is satisfied, never recorded (nothing verified it).
      deliveries.inc({ platform: connection.platform, outcome: 'acknowledged' });
      const eventId = uuidv7();
      return { status: 200, body: { eventId, status: 'ignored' }, facts: { connectionId, eventId, answer: 'acknowledged', reason: verification.reason } };
    }
    this.activity.note(connection.connectionId, delivery.receivedAt);
    // Only verified deliveries count against the connection's rate: unsigned junk sent to a known
    // webhook URL is refused above without pushing the platform's real deliveries into 429s.
    await this.rateLimiter.consume(connection.connectionId);
    const verdict = verdictOn(storableText(adapter.read(delivery, connection)), connection);
    if (verdict.kind === 'refuse') {
      // Kept with the delivery's bytes, so a courier can replay it once the cause is fixed.
      const eventId = await this.store.recordRefusal(connection, delivery, verdict.refusal);
      deliveries.inc({ platform: connection.platform, outcome: verdict.answer === 'ignored' ? verdict.refusal.outcome.toLowerCase() : verdict.answer });
      switch (verdict.answer) {
        case 'invalid':
          throw new AppError(400, verdict.code, verdict.message, verdict.details);
        case 'disabled':
          throw forbidden(verdict.refusal.reason);
        case 'ignored':
          // Nothing to create whatever the client's settings: answered 200, so a platform neither
          // retries it nor counts it as a failure (WooCommerce disables failing webhooks).
          return {
            status: 200,
            body: { eventId, status: 'ignored' },
            facts: { connectionId, eventId, answer: 'ignored', externalOrderId: verdict.refusal.externalOrderId, outcome: verdict.refusal.outcome, reasonCode: verdict.refusal.reasonCode },
          };
      }
    }

    // A database that cannot be reached is answered 503 by the shared error filter, so the platform
    // retries; any other failure is a 500 (ours to fix, not the platform's to retry into for ever).
    const stored = await this.store.storeAccepted(connection, delivery, verdict.event, verdict.mayCreate);
    deliveries.inc({ platform: connection.platform, outcome: stored.duplicate ? 'duplicate' : 'accepted' });
    const answer = stored.duplicate ? 'duplicate' : 'accepted';
    return {
      status: stored.duplicate ? 200 : 202,
      body: { eventId: stored.eventId, status: answer },
      facts: { connectionId, eventId: stored.eventId, answer, type: verdict.event.type, externalOrderId: verdict.event.order.externalId },
    };
  }
}
