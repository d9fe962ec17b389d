import type { Service } from '@portal/contracts';
import { DateTime } from 'luxon';
import { completionWindow } from './completion-window';
import { NY, ny, WEEKDAY_HOURS } from './testing';

type Windowed = Pick<Service, 'sla' | 'hours' | 'blackoutDates'>;

// 2026-03-02 is a Monday; 2026-03-07 a Saturday; 2026-03-08 (spring forward) and 2026-11-01 (fall back) Sundays.
const within = (minutes: number, rest: Partial<Windowed> = { hours: WEEKDAY_HOURS }): Windowed => ({ sla: { type: 'WITHIN', minutes }, ...rest });
const sameDay = (cutoff: string, rest: Partial<Windowed> = { hours: WEEKDAY_HOURS }): Windowed => ({ sla: { type: 'SAME_DAY', cutoff }, ...rest });
const nextDay = (cutoff: string, rest: Partial<Windowed> = { hours: WEEKDAY_HOURS }): Windowed => ({ sla: { type: 'NEXT_DAY', cutoff }, ...rest });

/** Consecutive client-local dates, for a service blacked out for longer than the search. */
const datesFrom = (first: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => DateTime.fromISO(first).plus({ days: i }).toISODate() ?? '');

/** Local wall-clock in New York for a window, to read the fixtures as a person would. */
const local = (window: { start: Date; end: Date } | null): [string, string] | null =>
  window && [DateTime.fromJSDate(window.start, { zone: NY }).toISO() ?? '', DateTime.fromJSDate(window.end, { zone: NY }).toISO() ?? ''];

// Golden fixtures: [what it shows, service, Ready By (New York wall clock), expected window as New York ISO, or null].
const GOLDEN: [string, Windowed, string, [string, string] | null][] = [
  // WITHIN
  ['WITHIN: from Ready By while open', within(120), '2026-03-02T10:00', ['2026-03-02T10:00:00.000-05:00', '2026-03-02T12:00:00.000-05:00']],
  ['WITHIN: before opening starts at the opening', within(120), '2026-03-02T06:00', ['2026-03-02T08:00:00.000-05:00', '2026-03-02T10:00:00.000-05:00']],
  ['WITHIN: ending exactly at closing fits', within(120), '2026-03-02T18:00', ['2026-03-02T18:00:00.000-05:00', '2026-03-02T20:00:00.000-05:00']],
  ['WITHIN: not fitting before closing moves to the next opening', within(120), '2026-03-02T19:00', ['2026-03-03T08:00:00.000-05:00', '2026-03-03T10:00:00.000-05:00']],
  ['WITHIN: after Friday closing, Saturday hours', within(120), '2026-03-06T21:00', ['2026-03-07T10:00:00.000-05:00', '2026-03-07T12:00:00.000-05:00']],
  ['WITHIN: Saturday too late, Sunday closed, Monday', within(120), '2026-03-07T13:00', ['2026-03-09T08:00:00.000-04:00', '2026-03-09T10:00:00.000-04:00']],
  [
    'WITHIN: a blackout date is skipped',
    within(120, { hours: WEEKDAY_HOURS, blackoutDates: ['2026-03-03'] }),
    '2026-03-02T19:00',
    ['2026-03-04T08:00:00.000-05:00', '2026-03-04T10:00:00.000-05:00'],
  ],
  ['WITHIN: no hours, open around the clock, across midnight', within(120, {}), '2026-03-02T23:30', ['2026-03-02T23:30:00.000-05:00', '2026-03-03T01:30:00.000-05:00']],
  ['WITHIN: an hours object naming no day is around the clock too', within(120, { hours: {} }), '2026-03-01T23:30', ['2026-03-01T23:30:00.000-05:00', '2026-03-02T01:30:00.000-05:00']],
  [
    'WITHIN: around the clock, but not into a blackout date',
    within(120, { blackoutDates: ['2026-03-03'] }),
    '2026-03-02T23:30',
    ['2026-03-04T00:00:00.000-05:00', '2026-03-04T02:00:00.000-05:00'],
  ],
  ['WITHIN: longer than any day is open: no window', within(13 * 60), '2026-03-02T08:00', null],
  ['WITHIN: blacked out for longer than the search: no window', within(60, { blackoutDates: datesFrom('2026-03-02', 400) }), '2026-03-02T08:00', null],
  // SAME_DAY
  ['SAME_DAY: from Ready By to closing', sameDay('14:00'), '2026-03-02T10:00', ['2026-03-02T10:00:00.000-05:00', '2026-03-02T20:00:00.000-05:00']],
  ['SAME_DAY: before opening, from the opening', sameDay('14:00'), '2026-03-02T07:00', ['2026-03-02T08:00:00.000-05:00', '2026-03-02T20:00:00.000-05:00']],
  ['SAME_DAY: just before the cutoff', sameDay('14:00'), '2026-03-02T13:59', ['2026-03-02T13:59:00.000-05:00', '2026-03-02T20:00:00.000-05:00']],
  ['SAME_DAY: at the cutoff is too late', sameDay('14:00'), '2026-03-02T14:00', null],
  ['SAME_DAY: a closed weekday', sameDay('14:00'), '2026-03-01T10:00', null],
  ['SAME_DAY: a blackout date', sameDay('14:00', { hours: WEEKDAY_HOURS, blackoutDates: ['2026-03-02'] }), '2026-03-02T10:00', null],
  ['SAME_DAY: before the cutoff but after closing', sameDay('22:00'), '2026-03-02T21:00', null],
  ['SAME_DAY: no hours, until midnight', sameDay('14:00', {}), '2026-03-02T10:00', ['2026-03-02T10:00:00.000-05:00', '2026-03-03T00:00:00.000-05:00']],
  // NEXT_DAY
  ['NEXT_DAY: the next open day, opening to closing', nextDay('18:00'), '2026-03-02T10:00', ['2026-03-03T08:00:00.000-05:00', '2026-03-03T20:00:00.000-05:00']],
  ['NEXT_DAY: at the cutoff, one day more', nextDay('18:00'), '2026-03-02T18:00', ['2026-03-04T08:00:00.000-05:00', '2026-03-04T20:00:00.000-05:00']],
  ['NEXT_DAY: Friday before the cutoff, Saturday hours', nextDay('18:00'), '2026-03-06T10:00', ['2026-03-07T10:00:00.000-05:00', '2026-03-07T14:00:00.000-05:00']],
  ['NEXT_DAY: Friday after the cutoff, Sunday closed, Monday', nextDay('18:00'), '2026-03-06T19:00', ['2026-03-09T08:00:00.000-04:00', '2026-03-09T20:00:00.000-04:00']],
  ['NEXT_DAY: Saturday, Sunday closed, Monday', nextDay('18:00'), '2026-03-07T12:00', ['2026-03-09T08:00:00.000-04:00', '2026-03-09T20:00:00.000-04:00']],
  ['NEXT_DAY: Ready By on a closed day still counts from that day', nextDay('18:00'), '2026-03-01T10:00', ['2026-03-02T08:00:00.000-05:00', '2026-03-02T20:00:00.000-05:00']],
  [
    'NEXT_DAY: a blackout date is skipped',
    nextDay('18:00', { hours: WEEKDAY_HOURS, blackoutDates: ['2026-03-03'] }),
    '2026-03-02T10:00',
    ['2026-03-04T08:00:00.000-05:00', '2026-03-04T20:00:00.000-05:00'],
  ],
  ['NEXT_DAY: no hours, the whole next day', nextDay('18:00', {}), '2026-03-02T10:00', ['2026-03-03T00:00:00.000-05:00', '2026-03-04T00:00:00.000-05:00']],
  ['NEXT_DAY: blacked out for longer than the search: no window', nextDay('18:00', { blackoutDates: datesFrom('2026-03-03', 400) }), '2026-03-02T10:00', null],
  // DST: spring forward on Sunday 2026-03-08 (02:00 EST -> 03:00 EDT), fall back on Sunday 2026-11-01 (02:00 EDT -> 01:00 EST).
  ['DST spring forward: WITHIN counts elapsed minutes across the gap', within(120, {}), '2026-03-08T01:30', ['2026-03-08T01:30:00.000-05:00', '2026-03-08T04:30:00.000-04:00']],
  [
    'DST spring forward: a 3.5 h WITHIN does not fit a 01:00-05:00 day that lasts 3 h',
    within(210, { hours: { sun: ['01:00', '05:00'] } }),
    '2026-03-08T00:30',
    ['2026-03-15T01:00:00.000-04:00', '2026-03-15T04:30:00.000-04:00'],
  ],
  ['DST spring forward: SAME_DAY ends at a midnight 23 h later', sameDay('14:00', {}), '2026-03-08T00:00', ['2026-03-08T00:00:00.000-05:00', '2026-03-09T00:00:00.000-04:00']],
  // A cutoff inside the gap reads as the same wall time moved forward (03:30 EDT): 03:15 is before it.
  ['DST spring forward: a cutoff in the gap moves forward with it', sameDay('02:30', {}), '2026-03-08T03:15', ['2026-03-08T03:15:00.000-04:00', '2026-03-09T00:00:00.000-04:00']],
  ['DST spring forward: NEXT_DAY lasts 23 h', nextDay('18:00', {}), '2026-03-07T12:00', ['2026-03-08T00:00:00.000-05:00', '2026-03-09T00:00:00.000-04:00']],
  ['DST fall back: WITHIN counts elapsed minutes through the repeated hour', within(120, {}), '2026-11-01T00:30', ['2026-11-01T00:30:00.000-04:00', '2026-11-01T01:30:00.000-05:00']],
  ['DST fall back: NEXT_DAY lasts 25 h', nextDay('18:00', {}), '2026-10-31T12:00', ['2026-11-01T00:00:00.000-04:00', '2026-11-02T00:00:00.000-05:00']],
  [
    'DST fall back: opening hours keep their wall-clock times',
    sameDay('14:00', { hours: { sun: ['08:00', '20:00'] } }),
    '2026-11-01T07:00',
    ['2026-11-01T08:00:00.000-05:00', '2026-11-01T20:00:00.000-05:00'],
  ],
];

describe('completionWindow (golden fixtures, America/New_York)', () => {
  it.each(GOLDEN)('%s', (_name, svc, readyBy, expected) => {
    expect(local(completionWindow(svc, ny(readyBy), NY))).toEqual(expected);
  });

  it('lasts exactly n minutes of elapsed time through both DST changes', () => {
    for (const ready of ['2026-03-08T01:59', '2026-11-01T00:59', '2026-11-01T01:30']) {
      const window = completionWindow(within(90, {}), ny(ready), NY);
      expect(window && +window.end - +window.start).toBe(90 * 60_000);
    }
  });

  it('reads hours and cutoffs in the given timezone, not the server’s', () => {
    // 10:00 in Tokyo is 01:00 UTC: open there, not in New York.
    const window = completionWindow(sameDay('14:00'), new Date('2026-03-02T01:00:00Z'), 'Asia/Tokyo');
    expect(window?.start.toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(window?.end.toISOString()).toBe('2026-03-02T11:00:00.000Z');
  });

  it('refuses a timezone that does not exist', () => {
    expect(() => completionWindow(within(60), new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});
