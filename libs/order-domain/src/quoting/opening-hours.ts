import { WEEKDAYS, type Service } from '@portal/contracts';
import { DateTime } from 'luxon';

/** What of a service decides when it works: weekly hours and blackout dates, client-local. */
export type ServiceSchedule = Pick<Service, 'hours' | 'blackoutDates'>;

/** One local day's working span, as zoned instants. */
export interface OpenSpan {
  open: DateTime;
  close: DateTime;
}

/** The local calendar day `offset` days after the one `instant` falls on, at its first moment. */
export function localDay(instant: DateTime, offset = 0): DateTime {
  const day = instant.startOf('day');
  // Each luxon step builds a date-time (and asks the zone its offset): skip the ones that move nothing.
  return offset === 0 ? day : day.plus({ days: offset }).startOf('day');
}

/**
 * A clock time on a local day. Built with fromObject so DST days read as everywhere else in the
 * domain (resolveDateTime): a time in the spring-forward gap moves forward by the gap, a time in the
 * fall-back overlap takes the standard-time reading.
 */
export function atClock(day: DateTime, clock: string): DateTime {
  const [hour, minute] = clock.split(':').map(Number);
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: day.zone });
}

/**
 * "No hours at all" (PRODUCT 2.1) is no `hours` or one naming no weekday: both mean open around the
 * clock. Otherwise a weekday left out is closed.
 */
export function isAroundTheClock(schedule: ServiceSchedule): boolean {
  return !schedule.hours || WEEKDAYS.every((day) => schedule.hours?.[day] === undefined);
}

/**
 * The span a service works on a local day, or null when closed (weekday without hours, or a blackout
 * date). Around the clock a day runs from its midnight to the next, so DST days last 23 or 25 hours.
 */
export function openingOn(schedule: ServiceSchedule, day: DateTime): OpenSpan | null {
  if (schedule.blackoutDates?.includes(day.toISODate() ?? '')) return null;
  if (isAroundTheClock(schedule)) return { open: day, close: localDay(day, 1) };
  const hours = schedule.hours?.[WEEKDAYS[day.weekday - 1]];
  if (!hours) return null;
  const span = { open: atClock(day, hours[0]), close: atClock(day, hours[1]) };
  // Hours inside a DST gap can collapse onto each other: such a day has no time to work in.
  return span.close > span.open ? span : null;
}
