import { Injectable } from '@nestjs/common';
import type { QuoteRequest, QuoteResult } from '@portal/contracts';
import { buildDraftableOrder } from '@portal/order-domain';
import { AppError, notFound, Principal } from '@portal/service-kit';
import { ClientDirectory } from '../clients/client-directory';
import { toQuotable } from '../quote-client/quotable';
import { QuoteClient } from '../quote-client/quote-client';

export interface PreviewQuoteCommand {
  principal: Principal;
  request: QuoteRequest;
}

/** Every service's eligibility, price and window, and the rule's pick, without creating anything. */
@Injectable()
export class PreviewQuoteUseCase {
  constructor(
    private readonly clients: ClientDirectory,
    private readonly quotes: QuoteClient,
  ) {}

  async execute({ principal, request }: PreviewQuoteCommand): Promise<QuoteResult> {
    const clientId = principal.clientId ?? request.clientId;
    if (!clientId) throw new AppError(400, 'VALIDATION_FAILED', 'A courier names the client to quote for.', [{ path: 'clientId', message: 'is required with a courier key' }]);
    if (principal.clientId && request.clientId && request.clientId !== principal.clientId) throw notFound('Client');
    const client = await this.clients.get(clientId);
    if (!client || client.courierId !== principal.courierId) throw notFound('Client');
    // A client without Rates and Services is never quoted: its orders are placed without a service.
    if (!client.usesRatesAndServices) return { quotes: [], pick: null, draftReasons: [] };

    const built = buildDraftableOrder({ order: { ...request.order, externalId: request.order.externalId ?? 'quote-preview' }, client, receivedAt: new Date() });
    if (!built.ok) throw new AppError(400, 'VALIDATION_FAILED', built.reason.message, [{ path: 'order.dropoff', message: built.reason.message }]);
    return this.quotes.quote({ clientId: client.id, courierId: client.courierId, order: toQuotable(built.order), correlationId: `preview:${principal.keyId}` });
  }
}
