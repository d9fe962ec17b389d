import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { QuoteResult } from '@portal/contracts';
import { ApiErrorResponse, ApiKeyGuard, CurrentPrincipal, Principal } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { QuoteRequestDto, QuoteResultDto } from '../dto';
import { PreviewQuoteUseCase } from './preview-quote.use-case';

@ApiTags('quotes')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/quotes')
export class QuotesController {
  constructor(private readonly previewQuote: PreviewQuoteUseCase) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: "Preview every service's eligibility, price and window, and the rule's pick, without creating anything." })
  @ZodResponse({ status: 200, type: QuoteResultDto })
  @ApiErrorResponse(404, "The client to quote for does not exist or is outside the key's tenant (NOT_FOUND).")
  quote(@CurrentPrincipal() principal: Principal, @Body() request: QuoteRequestDto): Promise<QuoteResult> {
    return this.previewQuote.execute({ principal, request });
  }
}
