import { MikroORM } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { DeliveryReplayRequestedJob, IntakeAcceptedJob, IntakeRecordedJob, Platform } from '@portal/contracts';
import { UnrecoverableError } from 'bullmq';
import { verdictOn, type Refusal } from '../hooks/delivery-verdict';
import { intakeDelivery } from '../hooks/intake-delivery';
import { GenericAdapter } from '../platforms/generic/generic.adapter';
import type { PlatformAdapter } from '../platforms/platform-adapter';
import { ShopifyAdapter } from '../platforms/shopify/shopify.adapter';
import { storableText } from '../platforms/storable-text';
import { WooCommerceAdapter } from '../platforms/woocommerce/woocommerce.adapter';
import { readConnection, type ConnectionContext } from '../projection/connection-cache';
import { ReplayHandOff } from './replay-hand-off';
import { StoredDeliveries, type StoredDelivery } from './stored-deliveries';

/** What a replay became: handed on as an event or recorded, or nothing when it had been handed on before. */
export interface ReplayResult {
  handedOn: boolean;
  outcome: 'ACCEPTED' | IntakeRecordedJob['outcome'];
  reasonCode: string | null;
}

type ConnectionIdentity = Pick<ConnectionContext, 'connectionId' | 'clientId' | 'courierId' | 'platform'>;
/** A replay's record; the external ids default to the stored delivery's. */
type ReplayRecord = Pick<Refusal, 'outcome' | 'reason' | 'reasonCode'> & Partial<Refusal>;

/**
 * A courier's replay (PRODUCT 2.3): the stored delivery, accepted or refused, read again with the
 * connection's settings and the client's switch of today, by the same rules as a live delivery
 * (`verdictOn`), and handed on under the replay's id with `replayOf`, exactly once. The signature and
 * its timestamp are not checked again: the delivery was verified when it arrived, and the secret may
 * have been rotated since. It keeps its original receivedAt (Ready By without a window is when the
 * store sent it, not when a courier replayed it).
 */
@Injectable()
export class ReplayDeliveryUseCase {
  private readonly adapters: Record<Platform, PlatformAdapter>;

  constructor(
    private readonly orm: MikroORM,
    private readonly deliveries: StoredDeliveries,
    private readonly handOff: ReplayHandOff,
    generic: GenericAdapter,
    shopify: ShopifyAdapter,
    woocommerce: WooCommerceAdapter,
  ) {
    this.adapters = { generic, shopify, woocommerce };
  }

  async execute(request: DeliveryReplayRequestedJob): Promise<ReplayResult> {
    const found = await readConnection(this.orm, request.connectionId);
    const stored = await this.deliveries.find(request.deliveryId, request.connectionId);
    if (!found || found.deleted) {
      return this.record(request, identity(request, found?.context, stored), stored, {
        outcome: 'REJECTED',
        reasonCode: 'CONNECTION_DELETED',
        reason: 'The connection this event came through has been deleted since: a replay reads nothing through it.',
      });
    }
    const connection = found.context;
    if (!stored) {
      return this.record(request, connection, null, {
        outcome: 'REJECTED',
        reasonCode: 'DELIVERY_NOT_KEPT',
        reason: 'The delivery of this event was not kept (it was refused before refused deliveries were stored), so it cannot be read again.',
      });
    }
    const verdict = verdictOn(storableText(this.adapters[connection.platform].read(stored.delivery, connection)), connection);
    if (verdict.kind === 'refuse') return this.record(request, connection, stored, verdict.refusal);
    const job: IntakeAcceptedJob = {
      ...intakeDelivery(request.replayId, connection, stored.delivery.receivedAt, request),
      name: 'integration-event.accepted',
      event: verdict.event,
      mayCreate: verdict.mayCreate,
    };
    return { handedOn: await this.handOff.handOn({ ...job, deliveryId: request.deliveryId }), outcome: 'ACCEPTED', reasonCode: null };
  }

  /** The replay failed for good (after its retries): FAILED, so its log entry never waits for ever. */
  async recordFailure(request: DeliveryReplayRequestedJob, error: string): Promise<ReplayResult> {
    // Reading them may be what failed: the record then does without what they would add.
    const found = await readConnection(this.orm, request.connectionId).catch(() => null);
    const stored = await this.deliveries.find(request.deliveryId, request.connectionId).catch(() => null);
    return this.record(request, identity(request, found?.context, stored), stored, {
      outcome: 'FAILED',
      reasonCode: 'PROCESSING_FAILED',
      reason: `The replay failed after every retry: ${error}. Replay the original event again once the cause is fixed.`,
    });
  }

  private async record(request: DeliveryReplayRequestedJob, connection: ConnectionIdentity, stored: StoredDelivery | null, refusal: ReplayRecord): Promise<ReplayResult> {
    const job: IntakeRecordedJob = {
      ...intakeDelivery(request.replayId, connection, stored?.delivery.receivedAt ?? new Date(request.requestedAt), request),
      name: 'integration-event.recorded',
      outcome: refusal.outcome,
      reason: refusal.reason,
      reasonCode: refusal.reasonCode,
      externalEventId: refusal.externalEventId ?? stored?.externalEventId ?? null,
      externalOrderId: refusal.externalOrderId ?? stored?.externalOrderId ?? null,
      duplicateOf: null,
    };
    return { handedOn: await this.handOff.handOn({ ...job, deliveryId: request.deliveryId }), outcome: refusal.outcome, reasonCode: refusal.reasonCode };
  }
}

/** Who a replay is recorded under: the connection as the gateway knows it, else what the request and the stored delivery say. */
function identity(request: DeliveryReplayRequestedJob, known: ConnectionContext | undefined, stored: StoredDelivery | null): ConnectionIdentity {
  if (known) return known;
  const platform = request.platform ?? stored?.platform;
  // Only an order management older than the replay contract's `platform` could ask this about a
  // connection the gateway never knew: nothing could record it truthfully.
  if (!platform) throw new UnrecoverableError(`Connection ${request.connectionId} is unknown here and the replay names no platform: it cannot be recorded.`);
  return { connectionId: request.connectionId, clientId: request.clientId, courierId: request.courierId, platform };
}
