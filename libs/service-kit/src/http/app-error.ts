import { HttpException } from '@nestjs/common';
import type { ErrorDetail } from '@portal/contracts';

/** An error with its PRODUCT 2 code: the filter renders it as `{ error: { code, message, details } }`. */
export class AppError extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Sent as `Retry-After` (seconds) on 429 and 503 answers: when trying again may succeed. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message, status);
  }
}

export const notFound = (what: string): AppError => new AppError(404, 'NOT_FOUND', `${what} was not found.`);
export const forbidden = (message: string): AppError => new AppError(403, 'FORBIDDEN', message);
export const unauthorized = (message: string): AppError => new AppError(401, 'UNAUTHORIZED', message);
export const conflict = (message: string): AppError => new AppError(409, 'CONFLICT', message);
export const unprocessable = (code: string, message: string, details: ErrorDetail[] = []): AppError =>
  new AppError(422, code, message, details);
