export type JsonRead = { ok: true; value: unknown } | { ok: false; message: string };

/** Parses a body as JSON without throwing: a malformed body is the sender's mistake, answered 400. */
export function readJsonBody(body: Buffer): JsonRead {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch (error) {
    return { ok: false, message: `The body is not valid JSON: ${(error as Error).message}` };
  }
}
