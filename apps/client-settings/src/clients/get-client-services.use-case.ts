import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { ServiceAssignment } from '@portal/contracts';
import type { Principal } from '@portal/service-kit';
import { ClientServiceRecord } from '../entities/client-service.entity';
import { findReachableClient } from './client-access';

export interface GetClientServicesCommand {
  principal: Principal;
  clientId: string;
}

/** The client's (service, rate table) pairs, by service id. */
@Injectable()
export class GetClientServicesUseCase {
  constructor(private readonly em: EntityManager) {}

  async execute({ principal, clientId }: GetClientServicesCommand): Promise<ServiceAssignment[]> {
    const client = await findReachableClient(this.em, principal, clientId);
    const pairs = await this.em.find(ClientServiceRecord, { clientId: client.id }, { orderBy: { serviceId: 'asc' } });
    return pairs.map((pair) => ({ serviceId: pair.serviceId, rateTableId: pair.rateTableId }));
  }
}
