import type { Service } from '@portal/contracts';
import { DateTime } from 'luxon';
import { clientZone } from '../time/client-zone';
import { atClock, isAroundTheClock, localDay, type OpenSpan, openingOn, type ServiceSchedule } from './opening-hours';

/** How far ahead a window is looked for: a service closed for a year offers none, rather than looping. */
export const SEARCH_DAYS = 366;

export interface CompletionWindow {
  start: Date;
  end: Date;
}

type WindowedService = Pick<Service, 'sla'> & ServiceSchedule;

/**
 * The window a service promises for an order ready at `readyBy` (pass max(Ready By, now)), computed
 * in the client's `timezone` as PRODUCT 2.1 says; null when it offers none within SEARCH_DAYS.
 */
export function completionWindow(service: WindowedService, readyBy: Date, timezone: string): CompletionWindow | null {
  const ready = DateTime.fromJSDate(readyBy, { zone: clientZone(timezone) });
  if (!ready.isValid) throw new RangeError(`"${timezone}" is not an IANA timezone, or ${String(readyBy)} is not a time.`);
  const span = windowSpan(service, ready);
  return span && { start: span.open.toJSDate(), end: span.close.toJSDate() };
}

function windowSpan(service: WindowedService, ready: DateTime): OpenSpan | null {
  switch (service.sla.type) {
    case 'WITHIN':
      return withinWindow(service, ready, service.sla.minutes);
    case 'SAME_DAY':
      return sameDayWindow(service, ready, service.sla.cutoff);
    case 'NEXT_DAY':
      return nextDayWindow(service, ready, service.sla.cutoff);
  }
}

const later = (a: DateTime, b: DateTime): DateTime => (a > b ? a : b);

/**
 * WITHIN n: from Ready By (or the next opening, when closed then) for n minutes of elapsed time,
 * inside one day's hours. When the n minutes do not fit before that day's closing, the window moves
 * to the next opening that leaves room for them (a 2-hour rush asked for at 19:00, closing at 20:00,
 * is promised for 08:00-10:00 the next open day) rather than making the service ineligible: the
 * FASTEST rule then weighs that honest window against the other services. Around the clock, days run
 * into each other and a window may cross midnight (but not into a blackout date).
 */
function withinWindow(schedule: ServiceSchedule, ready: DateTime, minutes: number): OpenSpan | null {
  if (minutes > longestDayMinutes(schedule)) return null; // would never fit: no need to walk a year of days
  for (let offset = 0; offset <= SEARCH_DAYS; offset++) {
    const day = localDay(ready, offset);
    const span = openingOn(schedule, day);
    if (!span) continue;
    const start = later(span.open, ready);
    if (start >= span.close) continue;
    const end = start.plus({ milliseconds: minutes * 60_000 });
    if (end <= closingOfRun(schedule, day, span, end)) return { open: start, close: end };
  }
  return null;
}

/** The most minutes any weekday's hours can hold, one more hour for a fall-back day; around the clock, no limit. */
function longestDayMinutes(schedule: ServiceSchedule): number {
  if (isAroundTheClock(schedule)) return Infinity;
  const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));
  const spans = Object.values(schedule.hours ?? {}).map((hours) => (hours ? minutesOf(hours[1]) - minutesOf(hours[0]) : 0));
  return Math.max(0, ...spans) + 60;
}

/** When the working run that starts with `span` ends, following it across midnights up to `needed`. */
function closingOfRun(schedule: ServiceSchedule, day: DateTime, span: OpenSpan, needed: DateTime): DateTime {
  let close = span.close;
  for (let offset = 1; close < needed; offset++) {
    const next = openingOn(schedule, localDay(day, offset));
    if (!next || +next.open !== +close) break;
    close = next.close;
  }
  return close;
}

/**
 * SAME_DAY: only when Ready By falls before the cutoff on an open, non-blackout day, and that day
 * still has working time left; from Ready By (or the opening, if later) to the closing.
 */
function sameDayWindow(schedule: ServiceSchedule, ready: DateTime, cutoff: string): OpenSpan | null {
  const day = localDay(ready);
  const span = openingOn(schedule, day);
  if (!span || ready >= atClock(day, cutoff)) return null;
  const start = later(span.open, ready);
  return start < span.close ? { open: start, close: span.close } : null;
}

/**
 * NEXT_DAY: the first open, non-blackout day after Ready By's day, opening to closing. Ready By at or
 * after the cutoff starts the search one calendar day later (Friday after the cutoff, closed at the
 * weekend: Monday either way; Monday after the cutoff: Wednesday).
 */
function nextDayWindow(schedule: ServiceSchedule, ready: DateTime, cutoff: string): OpenSpan | null {
  const first = ready >= atClock(localDay(ready), cutoff) ? 2 : 1;
  for (let offset = first; offset <= SEARCH_DAYS + first; offset++) {
    const span = openingOn(schedule, localDay(ready, offset));
    if (span) return span;
  }
  return null;
}
