import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Processor } from '@nestjs/bullmq';
import { QueueNames, SettingsJobSchema } from '@portal/contracts';
import { LoggedWorkerHost, parseJob, WORKER_OPTIONS } from '@portal/messaging';
import { applySettingsChange, SettingsProjection } from '@portal/service-kit';
import type { Job } from 'bullmq';
import { SCHEMA } from '../schema';

/** Order management keeps what building orders and authenticating its API need: clients and API keys. */
const PROJECTION: SettingsProjection = {
  'client.changed': ({ client: c }) => ({
    table: 'clients',
    row: {
      id: c.id,
      courier_id: c.courierId,
      timezone: c.timezone,
      default_pickup: c.defaultPickup,
      service_selection_rule: c.serviceSelectionRule,
      uses_rates_and_services: c.usesRatesAndServices,
    },
  }),
  'api-key.changed': ({ apiKey: k }) => ({
    table: 'api_keys',
    row: { id: k.id, key_hash: k.keyHash, courier_id: k.courierId, client_id: k.clientId, revoked: k.revoked },
  }),
};

@Processor(QueueNames.settingsForOrderManagement, WORKER_OPTIONS[QueueNames.settingsForOrderManagement])
export class OrderManagementSettingsProcessor extends LoggedWorkerHost {
  constructor(private readonly orm: MikroORM) {
    super();
  }

  @CreateRequestContext()
  async process(job: Job): Promise<void> {
    await applySettingsChange(this.orm.em as EntityManager, SCHEMA, PROJECTION, parseJob(SettingsJobSchema, job.data, job.name));
  }
}
