import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Processor } from '@nestjs/bullmq';
import { QueueNames, SettingsJobSchema } from '@portal/contracts';
import { LoggedWorkerHost, parseJob, WORKER_OPTIONS } from '@portal/messaging';
import { applySettingsChange, SettingsProjection } from '@portal/service-kit';
import type { Job } from 'bullmq';
import { SCHEMA } from '../schema';

/** The gateway keeps what routing and verifying a delivery needs: connections (with secrets) and clients. */
const PROJECTION: SettingsProjection = {
  'connection.changed': ({ connection: c }) => ({
    table: 'connections',
    row: { id: c.id, client_id: c.clientId, courier_id: c.courierId, platform: c.platform, settings: c.settings, secrets: c.secrets, deleted: c.deleted },
  }),
  'client.changed': ({ client: c }) => ({
    table: 'clients',
    row: { id: c.id, courier_id: c.courierId, timezone: c.timezone, order_creation_enabled: c.orderCreationEnabled },
  }),
};

@Processor(QueueNames.settingsForGateway, WORKER_OPTIONS[QueueNames.settingsForGateway])
export class GatewaySettingsProcessor extends LoggedWorkerHost {
  constructor(private readonly orm: MikroORM) {
    super();
  }

  @CreateRequestContext()
  async process(job: Job): Promise<void> {
    await applySettingsChange(this.orm.em as EntityManager, SCHEMA, PROJECTION, parseJob(SettingsJobSchema, job.data, job.name));
  }
}
