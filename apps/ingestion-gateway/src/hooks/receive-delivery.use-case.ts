import { Injectable, Logger } from '@nestjs/common';
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
import { EventStore } from './event-store';

export interface ReceiveAnswer {
  status: 200 | 202;
  body: HookAnswer;
}

const deliveries = new Counter({
  name: 'gateway_deliveries_total',
  help: 'Deliveries by platform and what the gateway answered.',
  labelNames: ['platform', 'outcome'],
});

/**
 * One delivery, from raw request to a durable event: find the connection, hold it to its rate, let
 * its platform verify and read the payload, refuse what integrations may not create, store the rest.
 */
@Injectable()
export class ReceiveDelivery {
  private readonly logger = new Logger(ReceiveDelivery.name);
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
    const reading = storableText(this.adapters[connection.platform].read(delivery, connection));
    if (reading.kind === 'acknowledged') {
      // An unsigned handshake: answered so the platform is satisfied, never recorded (nothing verified it).
      deliveries.inc({ platform: connection.platform, outcome: 'acknowledged' });
      this.logger.log({ connectionId, reason: reading.reason }, 'Handshake acknowledged');
      return { status: 200, body: { eventId: uuidv7(), status: 'ignored' } };
    }
    this.activity.note(connection.connectionId, delivery.receivedAt);
    // Only verified deliveries count against the connection's rate: unsigned junk sent to a known
    // webhook URL is refused above without pushing the platform's real deliveries into 429s.
    await this.rateLimiter.consume(connection.connectionId);
    if (reading.kind === 'invalid') {
      deliveries.inc({ platform: connection.platform, outcome: 'invalid' });
      await this.store.recordRefusal(connection, delivery, {
        outcome: 'REJECTED',
        reason: [reading.message, ...reading.details.map((d) => `${d.path}: ${d.message}`)].join(' '),
        externalEventId: reading.externalEventId,
        externalOrderId: reading.externalOrderId,
      });
      throw new AppError(400, reading.code, reading.message, reading.details);
    }
    if (reading.kind === 'ignored') {
      // Creates nothing whatever the client's settings: recorded with its reason and answered 200, so a
      // platform neither retries it nor counts it as a failure (WooCommerce disables failing webhooks).
      deliveries.inc({ platform: connection.platform, outcome: reading.outcome === 'IGNORED' ? 'ignored' : 'rejected' });
      const eventId = await this.store.recordRefusal(connection, delivery, {
        outcome: reading.outcome,
        reason: reading.reason,
        externalEventId: reading.externalEventId,
        externalOrderId: reading.externalOrderId,
      });
      this.logger.log({ eventId, connectionId, externalOrderId: reading.externalOrderId, outcome: reading.outcome }, 'Delivery recorded without an order');
      return { status: 200, body: { eventId, status: 'ignored' } };
    }
    if (!connection.orderCreationEnabled) {
      deliveries.inc({ platform: connection.platform, outcome: 'disabled' });
      const reason = 'Integration order creation is turned off for this client: its courier can turn it on in the integration settings.';
      await this.store.recordRefusal(connection, delivery, {
        outcome: 'REJECTED',
        reason,
        externalEventId: reading.externalEventId,
        externalOrderId: reading.externalOrderId,
      });
      throw forbidden(reason);
    }

    // A database that cannot be reached is answered 503 by the shared error filter, so the platform
    // retries; any other failure is a 500 (ours to fix, not the platform's to retry into for ever).
    const stored = await this.store.storeAccepted(connection, delivery, reading.event);
    deliveries.inc({ platform: connection.platform, outcome: stored.duplicate ? 'duplicate' : 'accepted' });
    this.logger.log({ eventId: stored.eventId, connectionId, externalOrderId: reading.externalOrderId, duplicate: stored.duplicate }, 'Delivery stored');
    return stored.duplicate
      ? { status: 200, body: { eventId: stored.eventId, status: 'duplicate' } }
      : { status: 202, body: { eventId: stored.eventId, status: 'accepted' } };
  }
}
