import { createHmac } from 'node:crypto';

/**
 * The generic webhook signature (PRODUCT 2.2): `X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>">`. Senders and the gateway share this one definition.
 */
export const GENERIC_SIGNATURE_HEADER = 'x-signature';

export function genericSignatureDigest(secret: string, timestamp: number, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

export function signGenericPayload(secret: string, rawBody: Buffer | string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${genericSignatureDigest(secret, timestamp, rawBody)}`;
}

/** Reads the header; several v1 values are allowed (a sender mid-rotation may sign with both secrets). */
export function parseGenericSignature(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  return timestamp !== null && signatures.length > 0 ? { timestamp, signatures } : null;
}
