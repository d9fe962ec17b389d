import type { ConnectionSecret } from '@portal/contracts';

/** The connection's current secret and any rotated-out one still inside its grace period. */
export const activeSecrets = (secrets: ConnectionSecret[], now: Date): string[] =>
  secrets.filter((s) => s.expiresAt === null || Date.parse(s.expiresAt) > now.getTime()).map((s) => s.secret);
