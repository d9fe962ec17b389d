import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Processor } from '@nestjs/bullmq';
import { QueueNames, SettingsJobSchema } from '@portal/contracts';
import { LoggedWorkerHost, parseJob, WORKER_OPTIONS } from '@portal/messaging';
import { upsertIfNewer } from '@portal/service-kit';
import type { Job } from 'bullmq';
import { SCHEMA } from '../schema';

/** Keeps order management's copy of clients and API keys up to date. */
@Processor(QueueNames.settingsForOrderManagement, WORKER_OPTIONS[QueueNames.settingsForOrderManagement])
export class OrderManagementSettingsProcessor extends LoggedWorkerHost {
  constructor(private readonly orm: MikroORM) {
    super();
  }

  @CreateRequestContext()
  async process(job: Job): Promise<void> {
    const change = parseJob(SettingsJobSchema, job.data, job.name);
    const em = this.orm.em as EntityManager;
    switch (change.name) {
      case 'client.changed': {
        const c = change.client;
        await upsertIfNewer(em, SCHEMA, 'clients', {
          id: c.id,
          courier_id: c.courierId,
          timezone: c.timezone,
          default_pickup: c.defaultPickup,
          service_selection_rule: c.serviceSelectionRule,
          uses_rates_and_services: c.usesRatesAndServices,
          version: change.version,
        });
        return;
      }
      case 'api-key.changed': {
        const k = change.apiKey;
        await upsertIfNewer(em, SCHEMA, 'api_keys', {
          id: k.id,
          key_hash: k.keyHash,
          courier_id: k.courierId,
          client_id: k.clientId,
          revoked: k.revoked,
          version: change.version,
        });
        return;
      }
      case 'connection.changed':
      case 'service.changed':
      case 'rate-table.changed':
      case 'client-services.changed':
        // Connections are the gateway's business and services quoting's; orders carry what they need.
        return;
    }
  }
}
