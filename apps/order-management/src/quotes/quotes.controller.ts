import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { QuoteResult } from '@portal/contracts';
import { buildDraftableOrder } from '@portal/order-domain';
import { ApiErrorResponse, ApiKeyGuard, AppError, CurrentPrincipal, notFound, Principal } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { QuoteRequestDto, QuoteResultDto } from '../dto';
import { ClientDirectory } from '../intake/client-directory';
import { QuoteClient } from '../quoting/quote-client';
import { toQuotable } from '../quoting/quotable';

@ApiTags('quotes')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/quotes')
export class QuotesController {
  constructor(
    private readonly clients: ClientDirectory,
    private readonly quotes: QuoteClient,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: "Preview every service's eligibility, price and window, and the rule's pick, without creating anything." })
  @ZodResponse({ status: 200, type: QuoteResultDto })
  @ApiErrorResponse(404, "The client to quote for does not exist or is outside the key's tenant (NOT_FOUND).")
  async quote(@CurrentPrincipal() principal: Principal, @Body() body: QuoteRequestDto): Promise<QuoteResult> {
    const clientId = principal.clientId ?? body.clientId;
    if (!clientId) throw new AppError(400, 'VALIDATION_FAILED', 'A courier names the client to quote for.', [{ path: 'clientId', message: 'is required with a courier key' }]);
    if (principal.clientId && body.clientId && body.clientId !== principal.clientId) throw notFound('Client');
    const client = await this.clients.get(clientId);
    if (!client || client.courierId !== principal.courierId) throw notFound('Client');
    // A client without Rates and Services is never quoted: its orders are placed without a service.
    if (!client.usesRatesAndServices) return { quotes: [], pick: null, draftReasons: [] };

    const built = buildDraftableOrder({ order: { ...body.order, externalId: body.order.externalId ?? 'quote-preview' }, client, receivedAt: new Date() });
    if (!built.ok) throw new AppError(400, 'VALIDATION_FAILED', built.reason.message, [{ path: 'order.dropoff', message: built.reason.message }]);
    return this.quotes.quote({ clientId: client.id, courierId: client.courierId, order: toQuotable(built.order), correlationId: `preview:${principal.keyId}` });
  }
}
