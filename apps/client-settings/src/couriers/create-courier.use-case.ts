import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { CreateCourier, CreatedCourier } from '@portal/contracts';
import { APP_CONFIG, sameSecret, unauthorized } from '@portal/service-kit';
import { v7 as uuidv7 } from 'uuid';
import { ApiKeyIssuer } from '../api-keys/api-key-issuer';
import type { ClientSettingsConfig } from '../config';
import { Courier } from '../entities/courier.entity';
import { SettingsPublisher } from '../publishing/settings-publisher';

export interface CreateCourierCommand {
  /** The bearer token presented, which must be the operator's. */
  operatorToken: string | null;
  body: CreateCourier;
}

/** A courier and its first API key; only the operator creates couriers. */
@Injectable()
export class CreateCourierUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: SettingsPublisher,
    private readonly issuer: ApiKeyIssuer,
    @Inject(APP_CONFIG) private readonly config: ClientSettingsConfig,
  ) {}

  async execute({ operatorToken, body }: CreateCourierCommand): Promise<CreatedCourier> {
    if (!operatorToken || !sameSecret(operatorToken, this.config.OPERATOR_TOKEN)) throw unauthorized('Creating a courier needs the operator token.');
    return this.publisher.change(this.em, async (tx, version) => {
      const courier = tx.create(Courier, { id: uuidv7(), name: body.name });
      // Entities hold plain ids, not relations, so the unit of work needs the courier written first.
      await tx.flush();
      const { apiKey } = await this.issuer.issue(tx, version, { courierId: courier.id, clientId: null });
      return { id: courier.id, name: courier.name, apiKey };
    });
  }
}
