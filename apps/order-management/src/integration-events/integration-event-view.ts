import type { IntegrationEvent } from '@portal/contracts';
import type { IntegrationEventRecord } from '../entities/integration-event.entity';

export const toIntegrationEventView = (e: IntegrationEventRecord): IntegrationEvent => ({
  id: e.id,
  connectionId: e.connectionId,
  clientId: e.clientId,
  platform: e.platform,
  externalEventId: e.externalEventId,
  externalOrderId: e.externalOrderId,
  receivedAt: e.receivedAt.toISOString(),
  outcome: e.outcome,
  orderId: e.orderId,
  reason: e.reason,
  reasonCode: e.reasonCode,
  replayOf: e.replayOf,
  eventType: e.eventType,
});
