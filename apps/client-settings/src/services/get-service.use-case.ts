import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Service } from '@portal/contracts';
import type { Principal } from '@portal/service-kit';
import { findOwnService } from './service-access';
import { toServiceView } from './service-view';

export interface GetServiceCommand {
  principal: Principal;
  serviceId: string;
}

@Injectable()
export class GetServiceUseCase {
  constructor(private readonly em: EntityManager) {}

  async execute({ principal, serviceId }: GetServiceCommand): Promise<Service> {
    return toServiceView(await findOwnService(this.em, principal, serviceId));
  }
}
