// The shapes DateTimeInputSchema admits, with their parts captured.
const PARTS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether an ISO 8601 date-time names a real calendar day and clock time, by exactly the rules luxon
 * (which the domain reads times with) applies: 2026-02-30 is not a day, and 24:00 is the end of a
 * day while 24:30 is nothing. A property test holds it to luxon's answers. Counting here instead of
 * asking luxon keeps the check off the hot path: every hop validates every time in every event.
 */
export function isRealDateTime(value: string): boolean {
  const parts = PARTS.exec(value);
  if (!parts) return false;
  const [year, month, day, hour, minute] = parts.slice(1, 6).map(Number);
  const second = parts[6] ? Number(parts[6]) : 0;
  const fraction = parts[7] ? Number(parts[7]) : 0;
  if (month < 1 || month > 12) return false;
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day < 1 || day > days) return false;
  if (minute > 59 || second > 59) return false;
  return hour < 24 || (hour === 24 && minute === 0 && second === 0 && fraction === 0);
}
