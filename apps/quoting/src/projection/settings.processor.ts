import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Processor } from '@nestjs/bullmq';
import { QueueNames, SettingsJobSchema } from '@portal/contracts';
import { LoggedWorkerHost, parseJob, WORKER_OPTIONS } from '@portal/messaging';
import { applySettingsChange, SettingsProjection } from '@portal/service-kit';
import type { Job } from 'bullmq';
import { SCHEMA } from '../schema';

/** Quoting keeps clients, services, rate tables and each client's pairs. */
const PROJECTION: SettingsProjection = {
  'client.changed': ({ client: c }) => ({
    table: 'clients',
    row: { id: c.id, courier_id: c.courierId, timezone: c.timezone, units: c.units, service_selection_rule: c.serviceSelectionRule },
  }),
  'service.changed': ({ service, deleted }) => ({
    table: 'services',
    row: { id: service.id, courier_id: service.courierId, code: service.code, body: service, deleted },
  }),
  'rate-table.changed': ({ rateTable, deleted }) => ({
    table: 'rate_tables',
    row: { id: rateTable.id, courier_id: rateTable.courierId, body: rateTable, deleted },
  }),
  'client-services.changed': ({ clientId, courierId, assignments }) => ({
    table: 'client_services',
    row: { id: clientId, courier_id: courierId, assignments },
  }),
};

@Processor(QueueNames.settingsForQuoting, WORKER_OPTIONS[QueueNames.settingsForQuoting])
export class QuotingSettingsProcessor extends LoggedWorkerHost {
  constructor(private readonly orm: MikroORM) {
    super();
  }

  @CreateRequestContext()
  async process(job: Job): Promise<void> {
    await applySettingsChange(this.orm.em as EntityManager, SCHEMA, PROJECTION, parseJob(SettingsJobSchema, job.data, job.name));
  }
}
