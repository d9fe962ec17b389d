import { Injectable } from '@nestjs/common';
import type { QuoteRequestedJob, QuoteResult } from '@portal/contracts';
import { quoteOrder } from '@portal/order-domain';
import { ClientCatalogs } from './client-catalog';

/** Thrown while client settings' copy of a client has not reached quoting yet: the job retries. */
export class ClientNotKnownYet extends Error {}

/** Quotes an order against the client's services and rate tables, as this app's copy holds them now. */
@Injectable()
export class QuoteOrder {
  constructor(private readonly catalogs: ClientCatalogs) {}

  async execute(request: QuoteRequestedJob, now = new Date()): Promise<QuoteResult> {
    const catalog = await this.catalogs.get(request.clientId);
    if (!catalog) throw new ClientNotKnownYet(`Client ${request.clientId} has not reached quoting yet.`);
    return quoteOrder({ order: request.order, ...catalog, now });
  }
}
