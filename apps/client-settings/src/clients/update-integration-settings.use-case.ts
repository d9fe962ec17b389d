import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { IntegrationSettings } from '@portal/contracts';
import { Principal, unprocessable } from '@portal/service-kit';
import { ClientServiceRecord } from '../entities/client-service.entity';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { findReachableClient } from './client-access';
import { toIntegrationSettingsView } from './client-view';

export interface UpdateIntegrationSettingsCommand {
  principal: Principal;
  clientId: string;
  body: IntegrationSettings;
}

/** Turns integration order creation on or off; a client with services needs a selection rule to turn it on. */
@Injectable()
export class UpdateIntegrationSettingsUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
  ) {}

  async execute({ principal, clientId, body }: UpdateIntegrationSettingsCommand): Promise<IntegrationSettings> {
    const client = await this.publisher.change(this.em, async (tx, version) => {
      const found = await findReachableClient(tx, principal, clientId, true);
      const usesRatesAndServices = (await tx.count(ClientServiceRecord, { clientId: found.id })) > 0;
      if (body.orderCreationEnabled && body.serviceSelectionRule === null && usesRatesAndServices) {
        throw unprocessable('RULE_REQUIRED', 'This client uses Rates and Services: choose a serviceSelectionRule (FASTEST or CHEAPEST) to turn integrations on.', [
          { path: 'serviceSelectionRule', message: 'is required while the client has services assigned' },
        ]);
      }
      tx.assign(found, { ...body, updatedAt: new Date(), version: await version() });
      await tx.flush();
      await this.publisher.clientChanged(tx, found);
      return found;
    });
    return toIntegrationSettingsView(client);
  }
}
