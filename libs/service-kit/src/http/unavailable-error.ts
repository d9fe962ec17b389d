import { ConnectionException } from '@mikro-orm/core';
import { knex } from '@mikro-orm/knex';
import { MaxRetriesPerRequestError } from 'ioredis/built/errors';

/** Node's socket errors when a server is down, gone or unreachable. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * PostgreSQL SQLSTATEs that mean "not now" rather than "not this": class 08 (connection exception),
 * 57P01-57P03 (terminated by an administrator, crash shutdown, cannot connect now), 53300 (too many
 * connections).
 */
const isUnavailableSqlState = (code: string): boolean => code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code);

/**
 * Errors that some libraries raise as a plain `Error`, and that MikroORM re-raises as a
 * `DriverException` whose type says nothing (it keeps only the message and code): pg's
 * terminated connections, knex's pool acquire timeout, ioredis refusing a command while
 * disconnected. Matched at the end of the message, where MikroORM leaves the original after the SQL.
 */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Connection terminated due to connection timeout',
  'Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?',
  "Stream isn't writeable and enableOfflineQueue options is false",
  'Connection is closed.',
];

interface ErrorFields {
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
  message?: unknown;
}

/**
 * Whether an error means the database or Redis cannot be reached right now (down, refusing,
 * connections cut or terminated, the pool unable to hand out a connection): the request may succeed
 * if sent again, so it is answered 503 with Retry-After. Anything else is not "try later".
 */
export function isUnavailableError(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 4) return false;
  if (error instanceof ConnectionException || error instanceof knex.KnexTimeoutError || error instanceof MaxRetriesPerRequestError) return true;
  const { code, cause, errors, message } = error as ErrorFields;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && isUnavailableSqlState(code)))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((known) => message === known || message.endsWith(` - ${known}`))) return true;
  // Node reports a refused connection to a host with several addresses as an AggregateError.
  if (Array.isArray(errors) && errors.some((inner) => isUnavailableError(inner, depth + 1))) return true;
  return isUnavailableError(cause, depth + 1);
}
