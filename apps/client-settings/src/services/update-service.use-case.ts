import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CreateServiceSchema, Service, UpdateService } from '@portal/contracts';
import type { Principal } from '@portal/service-kit';
import { validMerge } from '../merged-body';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { findOwnService } from './service-access';
import { serviceFields } from './service-fields';
import { toServiceView } from './service-view';
import { withUniqueServiceCode } from './unique-service-code';

export interface UpdateServiceCommand {
  principal: Principal;
  serviceId: string;
  body: UpdateService;
}

/** Applies a PATCH to the stored service; the next quote of every client it is assigned to uses the result. */
@Injectable()
export class UpdateServiceUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
  ) {}

  async execute({ principal, serviceId, body }: UpdateServiceCommand): Promise<Service> {
    const service = await withUniqueServiceCode(() =>
      this.publisher.change(this.em, async (tx, version) => {
        const found = await findOwnService(tx, principal, serviceId, true);
        const merged = validMerge(CreateServiceSchema, { code: found.code, name: found.name, ...found.definition, ...body });
        tx.assign(found, { ...serviceFields(merged), updatedAt: new Date(), version: await version() });
        await tx.flush();
        await this.publisher.serviceChanged(tx, found);
        return found;
      }),
    );
    return toServiceView(service);
  }
}
