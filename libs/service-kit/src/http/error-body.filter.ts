import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ErrorBody } from '@portal/contracts';
import { describeError } from '@portal/messaging';
import type { FastifyReply } from 'fastify';
import { ZodValidationException } from 'nestjs-zod';
import { z } from 'zod';
import { AppError } from './app-error';
import { isUnavailableError } from './unavailable-error';
import { zodDetails } from './zod-details';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
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

/** How long a caller should wait before retrying when the database or Redis is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

export interface ErrorAnswer {
  status: number;
  body: ErrorBody;
  /** Sent as `Retry-After`: every 429 and 503 says when to try again. */
  retryAfterSeconds?: number;
}

export function toErrorBody(exception: unknown): ErrorAnswer {
  const answer = errorAnswer(exception);
  if (answer.status !== 429 && answer.status !== 503) return answer;
  const given = exception instanceof AppError ? exception.retryAfterSeconds : undefined;
  return { ...answer, retryAfterSeconds: given ?? (answer.status === 503 ? UNAVAILABLE_RETRY_AFTER_SECONDS : 1) };
}

function errorAnswer(exception: unknown): ErrorAnswer {
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
  // Nothing was stored or read: the same request may well succeed in a moment.
  if (isUnavailableError(exception)) {
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      body: { error: { code: 'UNAVAILABLE', message: 'A database or queue this request needs cannot be reached right now; retry shortly.', details: [] } },
    };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.', details: [] } },
  };
}

const logger = new Logger('Errors');

/** Logs what deserves it and sends the answer: one path for Nest's filter and Fastify's router. */
function sendError(exception: unknown, reply: FastifyReply): void {
  const { status, body, retryAfterSeconds } = toErrorBody(exception);
  if (status === 503) {
    // An outage answers every request this way: one line each, no stack.
    logger.warn(`Answered 503: ${describeError(exception)}`);
  } else if (status >= 500) {
    // The stack without its first line: that line repeats the message, which may hold inlined SQL values.
    const frames = exception instanceof Error ? (exception.stack ?? '').split('\n').slice(1).join('\n') : '';
    logger.error(`${describeError(exception)}\n${frames}`);
  }
  void reply.status(status);
  if (retryAfterSeconds !== undefined) void reply.header('retry-after', String(retryAfterSeconds));
  void reply.send(body);
}

/**
 * Fastify's router refuses some requests before any Nest code runs (a path with a broken
 * percent-escape, a path parameter over its length limit): `frameworkErrors` gives them the same body.
 */
export function sendFrameworkError(error: unknown, _request: unknown, reply: FastifyReply): void {
  sendError(error, reply);
}

/** Renders every error, ours or the framework's, in the one JSON shape of PRODUCT 2. */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    sendError(exception, host.switchToHttp().getResponse<FastifyReply>());
  }
}
