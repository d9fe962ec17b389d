import { ApiError, apiErrorFrom, toApiError } from './api-error';
import { apiKeyStore } from '../session/api-key-store';

/** The services the console talks to, each under its own same-origin prefix (apps/console/server). */
export type ApiService = 'client-settings' | 'order-management';

export type Query = Record<string, string | number | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Sign in checks a key before it is stored. */
  apiKey?: string;
}

let onUnauthorized: (() => void) | null = null;

/** Called when a stored key answers 401 (revoked or unknown): the session ends. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export function apiPath(service: ApiService, path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return `/api/${service}${path}${search ? `?${search}` : ''}`;
}

export async function apiRequest<T>(service: ApiService, path: string, options: RequestOptions = {}): Promise<T> {
  const apiKey = options.apiKey ?? apiKeyStore.get();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(apiPath(service, path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    throw toApiError(error);
  }
  const text = await response.text();
  let body: unknown = undefined;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (!response.ok) {
    const error = apiErrorFrom(response.status, body, text);
    if (response.status === 401 && options.apiKey === undefined) onUnauthorized?.();
    throw error;
  }
  if (response.status !== 204 && body === undefined) {
    throw new ApiError(response.status, 'UNREADABLE_ANSWER', `The server answered ${response.status} with something that is not JSON.`);
  }
  return body as T;
}
