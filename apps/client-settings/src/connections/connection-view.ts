import type { Connection as ConnectionView, ConnectionWithSecret } from '@portal/contracts';
import type { Connection } from '../entities/connection.entity';
import { connectionHealth } from './connection-health';

export const webhookUrl = (publicBaseUrl: string, connectionId: string): string =>
  `${publicBaseUrl.replace(/\/+$/, '')}/v1/hooks/${connectionId}`;

export const toConnectionView = (connection: Connection, publicBaseUrl: string): ConnectionView => ({
  id: connection.id,
  clientId: connection.clientId,
  platform: connection.platform,
  name: connection.name,
  webhookUrl: webhookUrl(publicBaseUrl, connection.id),
  settings: connection.settings,
  createdAt: connection.createdAt.toISOString(),
  lastDeliveryAt: connection.lastDeliveryAt?.toISOString() ?? null,
  health: connectionHealth(connection.lastDeliveryAt, connection.settings, new Date()),
});

/** Only creation and rotation answer with the secret; every other view leaves it out. */
export const toConnectionWithSecretView = (connection: Connection, publicBaseUrl: string): ConnectionWithSecret => ({
  ...toConnectionView(connection, publicBaseUrl),
  signingSecret: connection.signingSecret,
});
