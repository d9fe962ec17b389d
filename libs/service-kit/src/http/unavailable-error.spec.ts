import { ConnectionException, DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { knex } from '@mikro-orm/knex';
import { MaxRetriesPerRequestError } from 'ioredis/built/errors';
import { isUnavailableError } from './unavailable-error';

/** An error as node or pg raise it: a message and the fields they set. */
const raised = (message: string, fields: Record<string, unknown> = {}): Error => Object.assign(new Error(message), fields);
/** How MikroORM re-raises a driver error: the SQL before " - ", the original's fields copied, its type lost. */
const viaMikroOrm = (original: Error): DriverException => new DriverException(Object.assign(original, { message: `select 1 - ${original.message}` }));

describe('isUnavailableError', () => {
  it.each([
    ['a MikroORM ConnectionException', new ConnectionException(raised('connection lost'))],
    ["knex's pool acquire timeout", new knex.KnexTimeoutError('Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?')],
    ['the same timeout re-raised by MikroORM', viaMikroOrm(raised('Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?'))],
    ['a refused connection', raised('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED' })],
    ['a reset connection, through MikroORM', viaMikroOrm(raised('read ECONNRESET', { code: 'ECONNRESET' }))],
    ['a backend terminated by an administrator (57P01)', viaMikroOrm(raised('terminating connection due to administrator command', { code: '57P01' }))],
    ['a connection exception class (08006)', raised('connection failure', { code: '08006' })],
    ["pg's terminated connection, through MikroORM", viaMikroOrm(raised('Connection terminated unexpectedly'))],
    ["ioredis's max retries", new MaxRetriesPerRequestError(1)],
    ["ioredis's offline queue refusal", raised("Stream isn't writeable and enableOfflineQueue options is false")],
    ['a refused connection inside an AggregateError', new AggregateError([raised('connect ECONNREFUSED ::1:5432', { code: 'ECONNREFUSED' })], 'all failed')],
    ['a refused connection as the cause', new Error('could not enqueue', { cause: raised('connect ECONNREFUSED', { code: 'ECONNREFUSED' }) })],
  ])('recognises %s', (_label, error) => {
    expect(isUnavailableError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new UniqueConstraintViolationException(raised('duplicate key', { code: '23505' }))],
    ['jsonb refusing an escape (22P05)', viaMikroOrm(raised('unsupported Unicode escape sequence', { code: '22P05' }))],
    ['a missing table (42P01)', viaMikroOrm(raised('relation "events" does not exist', { code: '42P01' }))],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a stack overflow', new RangeError('Maximum call stack size exceeded')],
    ['not an error at all', 'ECONNREFUSED'],
  ])('does not take %s for an outage', (_label, error) => {
    expect(isUnavailableError(error)).toBe(false);
  });
});
