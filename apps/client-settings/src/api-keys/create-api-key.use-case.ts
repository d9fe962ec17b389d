import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { CreateApiKey, CreatedApiKey } from '@portal/contracts';
import type { Principal } from '@portal/service-kit';
import { findReachableClient } from '../clients/client-access';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { ApiKeyIssuer } from './api-key-issuer';

export interface CreateApiKeyCommand {
  principal: Principal;
  clientId: string;
  body: CreateApiKey;
}

/** A key scoped to one client, issued by its courier or by the client itself. */
@Injectable()
export class CreateApiKeyUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
    private readonly issuer: ApiKeyIssuer,
  ) {}

  async execute({ principal, clientId, body }: CreateApiKeyCommand): Promise<CreatedApiKey> {
    return this.publisher.change(this.em, async (tx, version) => {
      const client = await findReachableClient(tx, principal, clientId);
      return this.issuer.issue(tx, version, { courierId: client.courierId, clientId: client.id, name: body.name });
    });
  }
}
