import { createHash, randomBytes } from 'node:crypto';

/**
 * API keys are 256 random bits, so a plain SHA-256 is enough to store them safely (a slow hash
 * protects guessable passwords, not random keys) and lets every request be checked with one lookup.
 */
export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export const newApiKey = (): string => `cpk_${randomBytes(32).toString('base64url')}`;
