import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ApiKeyChangedJob,
  ClientChangedJob,
  ClientServicesChangedJob,
  ConnectionChangedJob,
  RateTableChangedJob,
  ServiceChangedJob,
  QueueNames,
  RoutedJob,
} from '@portal/contracts';
import { OutboxWriter } from '@portal/messaging';
import type { ApiKey } from '../entities/api-key.entity';
import type { Client } from '../entities/client.entity';
import { ClientServiceRecord } from '../entities/client-service.entity';
import type { Connection } from '../entities/connection.entity';
import type { RateTableRecord } from '../entities/rate-table.entity';
import type { ServiceRecord } from '../entities/service.entity';
import { toRateTableView } from '../rates/rate-table-view';
import { toServiceView } from '../services/service-view';
import { SCHEMA } from '../schema';

/**
 * Every configuration change is committed with the jobs that announce it (one per consuming app),
 * then the relay is nudged so other apps see it well within a second.
 */
@Injectable()
export class SettingsPublisher {
  constructor(private readonly outbox: OutboxWriter) {}

  /** Runs a change in one transaction, with the jobs announcing it. */
  change<T>(em: EntityManager, work: (tx: EntityManager, version: () => Promise<string>) => Promise<T>): Promise<T> {
    return this.outbox.transaction(em, (tx) => work(tx, () => this.nextVersion(tx)));
  }

  async clientChanged(tx: EntityManager, client: Client): Promise<void> {
    const pairs = await tx.count(ClientServiceRecord, { clientId: client.id });
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
        usesRatesAndServices: pairs > 0,
      },
    };
    await this.toEveryApp(tx, job);
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
    await this.outbox.add(tx, [
      { queue: QueueNames.settingsForGateway, data: job(true) },
      { queue: QueueNames.settingsForOrderManagement, data: job(false) },
      { queue: QueueNames.settingsForQuoting, data: job(false) },
    ]);
  }

  async apiKeyChanged(tx: EntityManager, key: ApiKey): Promise<void> {
    const job: ApiKeyChangedJob = {
      v: 1,
      name: 'api-key.changed',
      version: Number(key.version),
      apiKey: { id: key.id, keyHash: key.keyHash, courierId: key.courierId, clientId: key.clientId, revoked: key.revokedAt !== null },
    };
    await this.toEveryApp(tx, job);
  }

  async serviceChanged(tx: EntityManager, service: ServiceRecord): Promise<void> {
    const job: ServiceChangedJob = { v: 1, name: 'service.changed', version: Number(service.version), service: toServiceView(service), deleted: service.deletedAt !== null };
    await this.outbox.add(tx, [{ queue: QueueNames.settingsForQuoting, data: job }]);
  }

  async rateTableChanged(tx: EntityManager, table: RateTableRecord): Promise<void> {
    const job: RateTableChangedJob = { v: 1, name: 'rate-table.changed', version: Number(table.version), rateTable: toRateTableView(table), deleted: table.deletedAt !== null };
    await this.outbox.add(tx, [{ queue: QueueNames.settingsForQuoting, data: job }]);
  }

  /** A client's pairs changed: quoting gets the new set, everyone gets whether the client now uses Rates and Services. */
  async clientServicesChanged(tx: EntityManager, client: Client): Promise<void> {
    const pairs = await tx.find(ClientServiceRecord, { clientId: client.id }, { orderBy: { serviceId: 'asc' } });
    const job: ClientServicesChangedJob = {
      v: 1,
      name: 'client-services.changed',
      version: Number(client.version),
      clientId: client.id,
      courierId: client.courierId,
      assignments: pairs.map((p) => ({ serviceId: p.serviceId, rateTableId: p.rateTableId })),
    };
    await this.outbox.add(tx, [{ queue: QueueNames.settingsForQuoting, data: job }]);
    await this.clientChanged(tx, client);
  }

  /** Clients and keys: every app keeps a copy. */
  private async toEveryApp(tx: EntityManager, job: ClientChangedJob | ApiKeyChangedJob): Promise<void> {
    const jobs: RoutedJob[] = [
      { queue: QueueNames.settingsForGateway, data: job },
      { queue: QueueNames.settingsForOrderManagement, data: job },
      { queue: QueueNames.settingsForQuoting, data: job },
    ];
    await this.outbox.add(tx, jobs);
  }

  private async nextVersion(tx: EntityManager): Promise<string> {
    const [row] = await tx.execute<{ v: string }[]>(`select nextval('"${SCHEMA}"."change_version"') as v`);
    return String(row.v);
  }
}
