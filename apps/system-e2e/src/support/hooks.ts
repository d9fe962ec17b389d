import { createHmac, randomUUID } from 'node:crypto';
import type { ApiResponse } from './api';
import { request } from './api';

export const sign = (secret: string, rawBody: string, t: number = Math.floor(Date.now() / 1000)): string =>
  `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex')}`;

export interface SendOptions {
  /** Unix seconds to sign with (default now). */
  t?: number;
  /** Sign with this secret instead (for bad-signature tests). */
  signWith?: string;
  /** Leave the X-Signature header out. */
  unsigned?: boolean;
  contentType?: string;
}

/** Signs `body` (an object, or an already serialised string) like a generic integration and posts it. */
export async function sendSigned(webhookUrl: string, secret: string, body: unknown, options: SendOptions = {}): Promise<ApiResponse> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
  if (!options.unsigned) headers['x-signature'] = sign(options.signWith ?? secret, raw, options.t);
  return request('POST', webhookUrl, { body: raw, headers });
}

export const uniqueId = (prefix: string): string => `${prefix}-${randomUUID()}`;
