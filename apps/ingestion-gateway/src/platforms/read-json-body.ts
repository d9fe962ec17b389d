import { jsonDepthExceeds, MAX_JSON_DEPTH, prototypeKeyPath } from '@portal/service-kit';

export type JsonRead = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Parses a body as JSON without throwing: a malformed body is the sender's mistake, answered 400.
 * The limits of the JSON APIs hold here too: nesting is checked before parsing, so nothing
 * recursive ever walks a body nested 10,000 levels, and keys that reach prototypes are refused.
 */
export function readJsonText(text: string, parse: (text: string) => unknown): JsonRead {
  if (jsonDepthExceeds(text)) return { ok: false, message: `The body nests deeper than ${MAX_JSON_DEPTH} levels.` };
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    return { ok: false, message: `The body is not valid JSON: ${(error as Error).message}` };
  }
  const prototypeKey = prototypeKeyPath(value);
  return prototypeKey ? { ok: false, message: `The body holds a key that is not accepted: ${prototypeKey}.` } : { ok: true, value };
}

export const readJsonBody = (body: Buffer): JsonRead => readJsonText(body.toString('utf8'), JSON.parse);
