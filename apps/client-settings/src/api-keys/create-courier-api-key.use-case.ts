import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { CreateApiKey, CreatedApiKey } from '@portal/contracts';
import type { Principal } from '@portal/service-kit';
import { SettingsPublisher } from '../publishing/settings-publisher';
import { ApiKeyIssuer } from './api-key-issuer';

export interface CreateCourierApiKeyCommand {
  principal: Principal;
  body: CreateApiKey;
}

/** Another courier key, so a courier can rotate: issue the new one, switch over, revoke the old one. */
@Injectable()
export class CreateCourierApiKeyUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
    private readonly issuer: ApiKeyIssuer,
  ) {}

  async execute({ principal, body }: CreateCourierApiKeyCommand): Promise<CreatedApiKey> {
    return this.publisher.change(this.em, (tx, version) => this.issuer.issue(tx, version, { courierId: principal.courierId, clientId: null, name: body.name }));
  }
}
