import { Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HookAnswer } from '@portal/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import { HookAnswerDto } from './hook-answer.dto';
import { ReceiveDelivery } from './receive-delivery.use-case';

@ApiTags('hooks')
@Controller('v1/hooks')
export class HooksController {
  constructor(private readonly receive: ReceiveDelivery) {}

  @Post(':connectionId')
  @ApiConsumes('application/json')
  @ApiOperation({
    summary: 'Receive a platform webhook for a connection',
    description:
      '202: stored, see the integration event log for what became of it. 200: a repeat of an accepted event. 400 invalid payload, 401 bad/missing/stale signature, 403 integrations off, 404 unknown connection, 413 too large, 415 wrong content type, 429 rate limited, 503 not stored (retry).',
  })
  @ZodResponse({ status: 202, type: HookAnswerDto })
  async receiveHook(
    @Param('connectionId') connectionId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HookAnswer> {
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const answer = await this.receive.execute(connectionId, { headers: request.headers, body, receivedAt: new Date() });
    void reply.status(answer.status);
    return answer.body;
  }
}
