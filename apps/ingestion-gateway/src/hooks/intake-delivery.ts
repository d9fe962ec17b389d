import type { ConnectionContext } from '../projection/connection-cache';

/**
 * The fields every intake job carries about the delivery it comes from. `deliveryId` names the
 * stored delivery a replay reads again: the event's own for a live delivery, the original's for a
 * replay (so a replay of a replay still reads what arrived).
 */
export function intakeDelivery(eventId: string, connection: Pick<ConnectionContext, 'connectionId' | 'clientId' | 'courierId' | 'platform'>, receivedAt: Date, replay?: { deliveryId: string; replayOf: string }) {
  return {
    v: 1 as const,
    eventId,
    connectionId: connection.connectionId,
    clientId: connection.clientId,
    courierId: connection.courierId,
    platform: connection.platform,
    receivedAt: receivedAt.toISOString(),
    deliveryId: replay?.deliveryId ?? eventId,
    replayOf: replay?.replayOf ?? null,
  };
}
