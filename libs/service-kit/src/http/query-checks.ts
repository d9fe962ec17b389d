import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error';
import { unstorableText } from './json-limits';

/**
 * A query string holding text PostgreSQL cannot take (a NUL, an unpaired surrogate) is the caller's
 * mistake, answered 400 naming the parameter, before any filter reaches the database with it (where
 * a NUL costs the connection and would look like an outage).
 */
export function refuseUnstorableQueries(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    const details = unstorableText(request.query);
    done(details.length > 0 ? new AppError(400, 'VALIDATION_FAILED', 'The query string holds text that cannot be stored: see details.', details) : undefined);
  });
}
