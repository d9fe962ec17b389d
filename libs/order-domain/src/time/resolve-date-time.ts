import { DateTime } from 'luxon';

/**
 * Reads an ISO 8601 date-time. One with an offset (or Z) means exactly that instant; one without is
 * a wall-clock time in the client's timezone, never the server's. In a DST gap the time moves forward
 * by the gap, as a person reading the clock would; in an overlap the standard-time reading is taken.
 */
export function resolveDateTime(value: string, timezone: string): Date | null {
  const parsed = DateTime.fromISO(value, { zone: timezone });
  return parsed.isValid ? parsed.toJSDate() : null;
}
