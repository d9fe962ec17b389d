import type { ErrorBody, ErrorDetail } from '@portal/contracts/http';

/** What an API answered instead of success, in the APIs' own words (`{ error: { code, message, details } }`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The details about one field (and the fields inside it), for showing next to that field. */
  detailsAt(path: string): ErrorDetail[] {
    return this.details.filter((d) => d.path === path || d.path.startsWith(`${path}.`) || d.path.startsWith(`${path}[`));
  }
}

const isErrorBody = (body: unknown): body is ErrorBody => {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
};

export function apiErrorFrom(status: number, body: unknown, fallbackText: string): ApiError {
  if (isErrorBody(body)) {
    const details = Array.isArray(body.error.details) ? body.error.details : [];
    return new ApiError(status, body.error.code ?? `HTTP_${status}`, body.error.message, details);
  }
  const text = fallbackText.trim().slice(0, 300);
  return new ApiError(status, `HTTP_${status}`, text.length > 0 ? `The server answered ${status}: ${text}` : `The server answered ${status} without a message.`);
}

/** Anything thrown, as an ApiError (a network failure or a bug still reaches the page in words). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') return new ApiError(0, 'ABORTED', 'The request was cancelled.');
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError(0, 'NETWORK', `The console could not reach its server (${message}). Check your connection and try again.`);
}
