import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Processor } from '@nestjs/bullmq';
import { QueueNames, SettingsJob, SettingsJobSchema } from '@portal/contracts';
import { LoggedWorkerHost, parseJob, WORKER_OPTIONS } from '@portal/messaging';
import { upsertIfNewer } from '@portal/service-kit';
import type { Job } from 'bullmq';
import { SCHEMA } from '../schema';

/** Keeps the gateway's copy of connections and clients up to date. */
@Processor(QueueNames.settingsForGateway, WORKER_OPTIONS[QueueNames.settingsForGateway])
export class GatewaySettingsProcessor extends LoggedWorkerHost {
  constructor(private readonly orm: MikroORM) {
    super();
  }

  @CreateRequestContext()
  async process(job: Job): Promise<void> {
    const change: SettingsJob = parseJob(SettingsJobSchema, job.data, job.name);
    const em = this.orm.em as EntityManager;
    switch (change.name) {
      case 'connection.changed': {
        const c = change.connection;
        await upsertIfNewer(em, SCHEMA, 'connections', {
          id: c.id,
          client_id: c.clientId,
          courier_id: c.courierId,
          platform: c.platform,
          settings: c.settings,
          secrets: c.secrets,
          deleted: c.deleted,
          version: change.version,
        });
        return;
      }
      case 'client.changed': {
        const c = change.client;
        await upsertIfNewer(em, SCHEMA, 'clients', {
          id: c.id,
          courier_id: c.courierId,
          timezone: c.timezone,
          order_creation_enabled: c.orderCreationEnabled,
          version: change.version,
        });
        return;
      }
      case 'api-key.changed':
        // API keys matter to the apps with an authenticated API, not to the gateway.
        return;
    }
  }
}
