import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error';
import { jsonDepthExceeds, MAX_JSON_DEPTH, prototypeKeyPath, unstorableText } from './json-limits';

const invalidJson = (message: string): AppError => new AppError(400, 'INVALID_JSON', message, [{ path: '(body)', message }]);

/**
 * Reads a JSON API body, refusing with a 400 what the rest of the app must never see: text nested
 * past MAX_JSON_DEPTH (checked before parsing), keys that reach prototypes, and text PostgreSQL
 * cannot store (NUL, unpaired surrogates; each named by its field path). Callers of a JSON API can
 * correct and resend, so nothing is silently rewritten here (the gateway, whose platforms cannot,
 * makes such text storable instead).
 */
export function readJsonApiBody(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim().length === 0) throw invalidJson('The body is empty but its content type says JSON.');
  if (jsonDepthExceeds(body)) throw invalidJson(`The body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw invalidJson(`The body is not valid JSON: ${(error as Error).message}`);
  }
  const prototypeKey = prototypeKeyPath(value);
  if (prototypeKey) {
    throw new AppError(400, 'VALIDATION_FAILED', 'The body holds a key that is not accepted: see details.', [{ path: prototypeKey, message: 'is not an accepted key' }]);
  }
  const unstorable = unstorableText(value);
  if (unstorable.length > 0) throw new AppError(400, 'VALIDATION_FAILED', 'The body holds text that cannot be stored: see details.', unstorable);
  return value;
}

/** JSON APIs take JSON bodies only (any other content type gets 415), read by `readJsonApiBody`. */
export function acceptJsonBodies(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    try {
      done(null, readJsonApiBody(text as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
