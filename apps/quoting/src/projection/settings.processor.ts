import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QueueNames, SettingsJobSchema } from '@portal/contracts';
import { parseJob, WORKER_OPTIONS } from '@portal/messaging';
import { upsertIfNewer } from '@portal/service-kit';
import type { Job } from 'bullmq';
import { SCHEMA } from '../schema';

/** Keeps quoting's copy of clients up to date; services and rate tables join it with Rates and Services. */
@Processor(QueueNames.settingsForQuoting, WORKER_OPTIONS[QueueNames.settingsForQuoting])
export class QuotingSettingsProcessor extends WorkerHost {
  constructor(private readonly orm: MikroORM) {
    super();
  }

  @CreateRequestContext()
  async process(job: Job): Promise<void> {
    const change = parseJob(SettingsJobSchema, job.data, job.name);
    if (change.name !== 'client.changed') return;
    const c = change.client;
    await upsertIfNewer(this.orm.em as EntityManager, SCHEMA, 'clients', {
      id: c.id,
      courier_id: c.courierId,
      timezone: c.timezone,
      service_selection_rule: c.serviceSelectionRule,
      version: change.version,
    });
  }
}
