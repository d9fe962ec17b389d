/** Tiny JSON-over-HTTP helpers for the tools (global fetch, no extra dependencies). */

export class HttpError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${url} answered ${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
  }
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  text: string;
}

async function readBody(res: Response): Promise<{ text: string; body: unknown }> {
  const text = await res.text();
  try {
    return { text, body: text ? JSON.parse(text) : null };
  } catch {
    return { text, body: text };
  }
}

/** One request; never throws for an HTTP status (only for a network failure). */
export async function request<T = unknown>(
  method: string,
  url: string,
  options: { token?: string; json?: unknown; headers?: Record<string, string>; rawBody?: string; timeoutMs?: number } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
  const { text, body: parsed } = await readBody(res);
  return { status: res.status, body: parsed as T, text };
}

/** A request that must succeed (2xx); throws an HttpError carrying the answer otherwise. */
export async function call<T = unknown>(
  method: string,
  url: string,
  options: { token?: string; json?: unknown } = {},
): Promise<T> {
  const answer = await request<T>(method, url, options);
  if (answer.status < 200 || answer.status >= 300) throw new HttpError(method, url, answer.status, answer.body);
  return answer.body;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
