import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ApiKeyChangedJob,
  ClientChangedJob,
  ConnectionChangedJob,
  QueueNames,
  SETTINGS_SUBSCRIBER_QUEUES,
  SettingsJob,
} from '@portal/contracts';
import { OutboxRelay, writeOutbox } from '@portal/messaging';
import type { ApiKey } from '../entities/api-key.entity';
import type { Client } from '../entities/client.entity';
import type { Connection } from '../entities/connection.entity';
import { SCHEMA } from '../schema';

/**
 * Every configuration change is committed with the jobs that announce it (one per consuming app),
 * then the relay is nudged so other apps see it well within a second.
 */
@Injectable()
export class SettingsPublisher {
  constructor(private readonly relay: OutboxRelay) {}

  /** Runs a change in one transaction and announces it once committed. */
  async change<T>(em: EntityManager, work: (tx: EntityManager, version: () => Promise<string>) => Promise<T>): Promise<T> {
    const result = await em.fork().transactional((tx) => work(tx, () => this.nextVersion(tx)));
    this.relay.nudge();
    return result;
  }

  async clientChanged(tx: EntityManager, client: Client): Promise<void> {
    const job: ClientChangedJob = {
      v: 1,
      name: 'client.changed',
      version: Number(client.version),
      client: {
        id: client.id,
        courierId: client.courierId,
        name: client.name,
        timezone: client.timezone,
        units: client.units,
        defaultPickup: client.defaultPickup,
        orderCreationEnabled: client.orderCreationEnabled,
        serviceSelectionRule: client.serviceSelectionRule,
      },
    };
    await this.publish(tx, job);
  }

  async connectionChanged(tx: EntityManager, connection: Connection): Promise<void> {
    const secrets = [{ secret: connection.signingSecret, expiresAt: null as string | null }];
    if (connection.previousSecret && connection.previousSecretExpiresAt) {
      secrets.push({ secret: connection.previousSecret, expiresAt: connection.previousSecretExpiresAt.toISOString() });
    }
    const job = (withSecrets: boolean): ConnectionChangedJob => ({
      v: 1,
      name: 'connection.changed',
      version: Number(connection.version),
      connection: {
        id: connection.id,
        clientId: connection.clientId,
        courierId: connection.courierId,
        platform: connection.platform,
        name: connection.name,
        settings: connection.settings,
        secrets: withSecrets ? secrets : [],
        deleted: connection.deletedAt !== null,
      },
    });
    // Only the gateway verifies signatures: secrets go to its queue and nowhere else.
    await writeOutbox(
      tx,
      SETTINGS_SUBSCRIBER_QUEUES.map((queue) => ({ queue, jobName: 'connection.changed', payload: job(queue === QueueNames.settingsForGateway) })),
    );
  }

  async apiKeyChanged(tx: EntityManager, key: ApiKey): Promise<void> {
    const job: ApiKeyChangedJob = {
      v: 1,
      name: 'api-key.changed',
      version: Number(key.version),
      apiKey: { id: key.id, keyHash: key.keyHash, courierId: key.courierId, clientId: key.clientId, revoked: key.revokedAt !== null },
    };
    await this.publish(tx, job);
  }

  private async publish(tx: EntityManager, job: SettingsJob): Promise<void> {
    await writeOutbox(tx, SETTINGS_SUBSCRIBER_QUEUES.map((queue) => ({ queue, jobName: job.name, payload: job })));
  }

  private async nextVersion(tx: EntityManager): Promise<string> {
    const [row] = await tx.execute<{ v: string }[]>(`select nextval('"${SCHEMA}"."change_version"') as v`);
    return String(row.v);
  }
}
