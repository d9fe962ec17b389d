import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ErrorBody } from '@portal/contracts';
import { describeError } from '@portal/messaging';
import type { FastifyReply } from 'fastify';
import { ZodValidationException } from 'nestjs-zod';
import { z } from 'zod';
import { AppError } from './app-error';
import { zodDetails } from './zod-details';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/** Fastify's own errors (body too large, bad JSON, wrong content type) carry a statusCode. */
interface FastifyLikeError {
  statusCode?: number;
  message?: string;
}

export function toErrorBody(exception: unknown): { status: number; body: ErrorBody } {
  if (exception instanceof AppError) {
    return { status: exception.getStatus(), body: { error: { code: exception.code, message: exception.message, details: exception.details } } };
  }
  if (exception instanceof ZodValidationException) {
    const zodError = exception.getZodError();
    const details = zodError instanceof z.ZodError ? zodDetails(zodError) : [];
    return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'The request is not valid: see details.', details } } };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return { status, body: { error: { code: CODE_BY_STATUS[status] ?? 'HTTP_ERROR', message: exception.message, details: [] } } };
  }
  const statusCode = (exception as FastifyLikeError | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const message = (exception as FastifyLikeError).message ?? 'The request could not be read.';
    return { status: statusCode, body: { error: { code: CODE_BY_STATUS[statusCode] ?? 'BAD_REQUEST', message, details: [] } } };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.', details: [] } },
  };
}

/** Renders every error, ours or the framework's, in the one JSON shape of PRODUCT 2. */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const { status, body } = toErrorBody(exception);
    if (status >= 500) {
      // The stack without its first line: that line repeats the message, which may hold inlined SQL values.
      const frames = exception instanceof Error ? (exception.stack ?? '').split('\n').slice(1).join('\n') : '';
      this.logger.error(`${describeError(exception)}\n${frames}`);
    }
    host.switchToHttp().getResponse<FastifyReply>().status(status).send(body);
  }
}
