import { Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { HookAnswer } from '@portal/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { ZodResponse } from 'nestjs-zod';
import { HookAnswerDto } from './hook-answer.dto';
import { ApiHookRequest } from './hook-request.openapi';
import { ReceiveDelivery } from './receive-delivery.use-case';

@ApiTags('hooks')
@Controller('v1/hooks')
export class HooksController {
  constructor(
    private readonly receive: ReceiveDelivery,
    private readonly requestLog: PinoLogger,
  ) {}

  @Post(':connectionId')
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiHookRequest()
  @ApiOperation({
    summary: 'Receive a platform webhook for a connection',
    description:
      'The connection decides how the request is read: Shopify orders/create (a new order), orders/updated (a change; with cancelled_at set, a cancellation) and orders/cancelled (a cancellation); WooCommerce order.created (a new order in one of the connection\'s createOnStatuses) and order.updated (a cancellation in one of its cancelOnStatuses, else a change, which builds the order only in a createOnStatuses status), and its form-encoded creation ping; or the generic signed event (order.created, order.updated, order.cancelled). Creates are deduplicated per order, changes and cancellations on their own delivery key (Shopify X-Shopify-Event-Id, WooCommerce topic, order id, date_modified_gmt and a hash of the body, generic event id). 202: stored, see the integration event log for what became of it. 200: a repeat of an accepted event (status duplicate), or a delivery that creates nothing by design (status ignored: a ping, a test order, a topic or status that is not read). 400 unreadable or invalid payload, 401 bad/missing/stale signature, 403 integrations off, 404 unknown connection, 413 too large, 415 wrong content type, 429 rate limited, 503 not stored (retry). Verified deliveries that are refused (200 ignored, 400, 403) are recorded with a reasonCode and kept, so a courier can replay them.',
  })
  @ZodResponse({ status: 202, type: HookAnswerDto })
  @ApiResponse({ status: 200, description: 'A duplicate of an accepted event, or a delivery ignored by design.', type: HookAnswerDto })
  async receiveHook(
    @Param('connectionId') connectionId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HookAnswer> {
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const answer = await this.receive.execute(connectionId, { headers: request.headers, body, receivedAt: new Date() });
    // On the request's own line rather than a second one: under load a log line per delivery is a
    // measurable share of the gateway's CPU.
    this.requestLog.assign(answer.facts);
    void reply.status(answer.status);
    return answer.body;
  }
}
