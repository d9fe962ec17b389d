import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Client as ClientView } from '@portal/contracts';
import type { Principal } from '@portal/service-kit';
import { findReachableClient } from './client-access';
import { toClientView } from './client-view';

export interface GetClientCommand {
  principal: Principal;
  clientId: string;
}

@Injectable()
export class GetClientUseCase {
  constructor(private readonly em: EntityManager) {}

  async execute({ principal, clientId }: GetClientCommand): Promise<ClientView> {
    return toClientView(await findReachableClient(this.em, principal, clientId));
  }
}
