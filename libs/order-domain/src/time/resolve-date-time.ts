import { DateTime } from 'luxon';
import { clientZone } from './client-zone';

// Ends in Z or a numeric offset: the text names its instant whatever the client's timezone.
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads an ISO 8601 date-time. One with an offset (or Z) means exactly that instant; one without is
 * a wall-clock time in the client's timezone, never the server's. In a DST gap the time moves forward
 * by the gap, as a person reading the clock would; in an overlap the standard-time reading is taken.
 */
export function resolveDateTime(value: string, timezone: string): Date | null {
  // An offset fixes the instant, so the client's zone is not consulted: reading in an IANA zone asks
  // Intl for its offsets, which was the largest cost of building an order in the intake profiles.
  const parsed = HAS_OFFSET.test(value) ? DateTime.fromISO(value, { setZone: true }) : DateTime.fromISO(value, { zone: clientZone(timezone) });
  return parsed.isValid ? parsed.toJSDate() : null;
}
