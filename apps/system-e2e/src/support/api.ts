export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer is JSON, otherwise the raw text (undefined when empty). */
  body: T;
  text: string;
}

export async function request<T = any>(
  method: string,
  url: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const res = await fetch(url, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = undefined;
  if (text.length > 0) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

/** A small HTTP client for one service with one bearer key. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  withToken(token: string | undefined): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  get<T = any>(path: string, query?: Record<string, string | number | undefined>): Promise<ApiResponse<T>> {
    return request<T>('GET', this.url(path, query), { token: this.token });
  }
  post<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return request<T>('POST', this.url(path), { token: this.token, body: body ?? {} });
  }
  put<T = any>(path: string, body: unknown): Promise<ApiResponse<T>> {
    return request<T>('PUT', this.url(path), { token: this.token, body });
  }
  patch<T = any>(path: string, body: unknown): Promise<ApiResponse<T>> {
    return request<T>('PATCH', this.url(path), { token: this.token, body });
  }
  delete<T = any>(path: string): Promise<ApiResponse<T>> {
    return request<T>('DELETE', this.url(path), { token: this.token });
  }

  /** Reads every page of a list endpoint (newest first). */
  async listAll<T = any>(path: string, query: Record<string, string | number | undefined> = {}, limit = 200): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 1000; page++) {
      const res = await this.get<{ items: T[]; nextCursor: string | null }>(path, { ...query, limit, cursor });
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${res.text}`);
      items.push(...res.body.items);
      if (!res.body.nextCursor) return items;
      cursor = res.body.nextCursor;
    }
    throw new Error(`GET ${path}: too many pages`);
  }

  url(path: string, query?: Record<string, string | number | undefined>): string {
    const url = new URL(path, this.baseUrl);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }
}
