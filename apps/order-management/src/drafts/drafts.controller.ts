import { Body, Controller, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Order } from '@portal/contracts';
import { ApiErrorResponse, ApiKeyGuard, CurrentPrincipal, Principal } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { OrderDto, UpdateDraftDto } from '../dto';
import { CancelDraftUseCase } from './cancel-draft.use-case';
import { EditDraftUseCase } from './edit-draft.use-case';
import { FinalizeDraftUseCase } from './finalize-draft.use-case';

@ApiTags('drafts')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/orders/:orderId')
export class DraftsController {
  constructor(
    private readonly editDraft: EditDraftUseCase,
    private readonly finalizeDraft: FinalizeDraftUseCase,
    private readonly cancelDraft: CancelDraftUseCase,
  ) {}

  @Patch()
  @ApiOperation({ summary: 'Edit a draft (weight, pieces, serviceCode, pickup, dropoff); answers it with its recomputed reasons. 409 if not a draft.' })
  @ZodResponse({ status: 200, type: OrderDto })
  @ApiErrorResponse(409, 'The order is not a draft, or was changed meanwhile: read it again (CONFLICT).')
  edit(@CurrentPrincipal() principal: Principal, @Param('orderId') orderId: string, @Body() patch: UpdateDraftDto): Promise<Order> {
    return this.editDraft.execute({ principal, orderId, patch });
  }

  @Post('finalize')
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-quote a draft and place it (200, emits order.created), or 422 with the reasons that remain; 409 if not a draft.' })
  @ZodResponse({ status: 200, type: OrderDto })
  @ApiErrorResponse(409, 'The order is not (or no longer) a draft, or was changed meanwhile (CONFLICT).')
  @ApiErrorResponse(422, 'The draft still cannot be quoted (DRAFT_NOT_QUOTABLE): details lists each remaining reason with the PATCH field that fixes it.')
  finalize(@CurrentPrincipal() principal: Principal, @Param('orderId') orderId: string): Promise<Order> {
    return this.finalizeDraft.execute({ principal, orderId });
  }

  @Post('cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a draft (status CANCELLED); 409 if not a draft.' })
  @ZodResponse({ status: 200, type: OrderDto })
  @ApiErrorResponse(409, 'The order is not a draft (CONFLICT).')
  cancel(@CurrentPrincipal() principal: Principal, @Param('orderId') orderId: string): Promise<Order> {
    return this.cancelDraft.execute({ principal, orderId });
  }
}
