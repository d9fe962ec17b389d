import { ErrorBodySchema } from '@portal/contracts';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method: string;
  /** Sent exactly as given (already percent-encoded where it should be): no URL normalisation. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * One request over node:http, so a test can send what fetch refuses to: a body with any method,
 * a path with broken escapes, any content type.
 */
export function sendRaw(baseUrl: string, req: RawRequest): Promise<HttpAnswer> {
  const { hostname, port } = new URL(baseUrl);
  const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: hostname, port: Number(port), method: req.method, path: req.path, headers: { ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) } },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }));
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Why an answer is not the contract's JSON error (`{ error: { code, message, details } }`), or null when it is. */
export function errorShapeProblem(answer: HttpAnswer): string | null {
  if (!/^application\/json/i.test(String(answer.headers['content-type'] ?? ''))) return `content type ${answer.headers['content-type'] ?? 'none'}`;
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    return 'a body that is not JSON';
  }
  const parsed = ErrorBodySchema.safeParse(json);
  if (!parsed.success) return 'a body without the {error:{code,message,details}} shape';
  return parsed.data.error.message.length > 0 ? null : 'an error without a message';
}

/** The answer to a request made while a database or Redis the request needs is unreachable. */
export function expectUnavailable(answer: HttpAnswer): void {
  expect({ status: answer.status, shape: errorShapeProblem(answer) }).toEqual({ status: 503, shape: null });
  expect(answer.headers['retry-after']).toMatch(/^[1-9]\d*$/);
}
