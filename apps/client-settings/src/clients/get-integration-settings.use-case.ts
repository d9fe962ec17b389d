import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { IntegrationSettings } from '@portal/contracts';
import type { Principal } from '@portal/service-kit';
import { findReachableClient } from './client-access';
import { toIntegrationSettingsView } from './client-view';

export interface GetIntegrationSettingsCommand {
  principal: Principal;
  clientId: string;
}

@Injectable()
export class GetIntegrationSettingsUseCase {
  constructor(private readonly em: EntityManager) {}

  async execute({ principal, clientId }: GetIntegrationSettingsCommand): Promise<IntegrationSettings> {
    return toIntegrationSettingsView(await findReachableClient(this.em, principal, clientId));
  }
}
