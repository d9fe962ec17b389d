import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { CreateService, Service } from '@portal/contracts';
import type { Principal } from '@portal/service-kit';
import { v7 as uuidv7 } from 'uuid';
import { ServiceRecord } from '../entities/service.entity';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { serviceFields } from './service-fields';
import { toServiceView } from './service-view';
import { withUniqueServiceCode } from './unique-service-code';

export interface CreateServiceCommand {
  principal: Principal;
  body: CreateService;
}

/** Defines one of the courier's services: its SLA, cutoff, hours, blackout dates, area and limits. */
@Injectable()
export class CreateServiceUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
  ) {}

  async execute({ principal, body }: CreateServiceCommand): Promise<Service> {
    const service = await withUniqueServiceCode(() =>
      this.publisher.change(this.em, async (tx, version) => {
        const created = tx.create(ServiceRecord, { id: uuidv7(), courierId: principal.courierId, ...serviceFields(body), version: await version() });
        await tx.flush();
        await this.publisher.serviceChanged(tx, created);
        return created;
      }),
    );
    return toServiceView(service);
  }
}
