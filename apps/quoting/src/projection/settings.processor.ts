import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Processor } from '@nestjs/bullmq';
import { QueueNames, SettingsJobSchema } from '@portal/contracts';
import { LoggedWorkerHost, parseJob, WORKER_OPTIONS } from '@portal/messaging';
import { upsertIfNewer } from '@portal/service-kit';
import type { Job } from 'bullmq';
import { SCHEMA } from '../schema';

/** Keeps quoting's copy of clients, services, rate tables and each client's pairs up to date. */
@Processor(QueueNames.settingsForQuoting, WORKER_OPTIONS[QueueNames.settingsForQuoting])
export class QuotingSettingsProcessor extends LoggedWorkerHost {
  constructor(private readonly orm: MikroORM) {
    super();
  }

  @CreateRequestContext()
  async process(job: Job): Promise<void> {
    const change = parseJob(SettingsJobSchema, job.data, job.name);
    const em = this.orm.em as EntityManager;
    switch (change.name) {
      case 'client.changed':
        return upsertIfNewer(em, SCHEMA, 'clients', {
          id: change.client.id,
          courier_id: change.client.courierId,
          timezone: change.client.timezone,
          units: change.client.units,
          service_selection_rule: change.client.serviceSelectionRule,
          version: change.version,
        });
      case 'service.changed':
        return upsertIfNewer(em, SCHEMA, 'services', {
          id: change.service.id,
          courier_id: change.service.courierId,
          code: change.service.code,
          body: change.service,
          deleted: change.deleted,
          version: change.version,
        });
      case 'rate-table.changed':
        return upsertIfNewer(em, SCHEMA, 'rate_tables', {
          id: change.rateTable.id,
          courier_id: change.rateTable.courierId,
          body: change.rateTable,
          deleted: change.deleted,
          version: change.version,
        });
      case 'client-services.changed':
        return upsertIfNewer(em, SCHEMA, 'client_services', {
          id: change.clientId,
          courier_id: change.courierId,
          assignments: change.assignments,
          version: change.version,
        });
      case 'connection.changed':
      case 'api-key.changed':
        // Quoting needs neither connections nor keys.
        return;
    }
  }
}
