import { z } from 'zod';
import { isRealDateTime } from './real-date-time';

// ISO 8601 date-time with an offset, or a local date-time without one (read later in the client's
// timezone). Shape-checked here; the domain resolves it against the timezone.
const LOCAL_OR_OFFSET_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

export const DateTimeInputSchema = z
  .string()
  .regex(LOCAL_OR_OFFSET_DATE_TIME, { message: 'must be an ISO 8601 date-time such as 2026-11-24T15:00:00-05:00', abort: true })
  // By the rules of the parser the domain reads times with: Date.parse would roll 2026-02-30 over to March 2.
  .refine(isRealDateTime, 'is not a real date-time');

export const IsoUtcSchema = z.iso.datetime({ offset: true });

/** An instant as every service writes one (`Date#toISOString()`): UTC, ending in Z. */
export const UtcTimestampSchema = z.iso.datetime();

export const TimezoneSchema = z.string().refine((zone) => {
  try {
    // Node 20's Intl.supportedValuesOf('timeZone') omits UTC and some aliases: constructing a
    // formatter is the reliable test (STACK.md).
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA timezone such as America/New_York');
