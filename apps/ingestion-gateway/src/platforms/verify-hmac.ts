import type { ConnectionSecret } from '@portal/contracts';
import { timingSafeEqual } from 'node:crypto';

/** The connection's current secret and any rotated-out one still inside its grace period. */
export const activeSecrets = (secrets: ConnectionSecret[], now: Date): string[] =>
  secrets.filter((s) => s.expiresAt === null || Date.parse(s.expiresAt) > now.getTime()).map((s) => s.secret);

/** Constant-time comparison of a computed digest with a claimed one, in the same encoding. */
export function sameDigest(computed: string, claimed: string): boolean {
  const a = Buffer.from(computed);
  const b = Buffer.from(claimed);
  return a.length === b.length && timingSafeEqual(a, b);
}
