import fc from 'fast-check';
import { DateTime } from 'luxon';
import { resolveDateTime } from './resolve-date-time';

describe('resolveDateTime', () => {
  it.each([
    ['2026-11-24T15:00:00-05:00', 'Asia/Tokyo', '2026-11-24T20:00:00.000Z'],
    ['2026-11-24T20:00:00Z', 'America/New_York', '2026-11-24T20:00:00.000Z'],
    // No offset: a wall-clock time in the client's timezone, whatever the server's is.
    ['2026-11-24T10:00:00', 'America/New_York', '2026-11-24T15:00:00.000Z'],
    ['2026-07-24T10:00:00', 'America/New_York', '2026-07-24T14:00:00.000Z'],
    ['2026-11-24T10:00', 'Europe/London', '2026-11-24T10:00:00.000Z'],
    // DST overlap: 01:30 happens twice on 2026-11-01 in New York; the standard-time (EST) reading is taken.
    ['2026-11-01T01:30:00', 'America/New_York', '2026-11-01T06:30:00.000Z'],
    // DST gap: 02:30 does not exist on 2026-03-08 in New York; it moves forward by the gap.
    ['2026-03-08T02:30:00', 'America/New_York', '2026-03-08T07:30:00.000Z'],
  ])('%s in %s is %s', (input, zone, expected) => {
    expect(resolveDateTime(input, zone)?.toISOString()).toBe(expected);
  });

  it('answers null for a date that does not exist', () => {
    expect(resolveDateTime('2026-02-30T10:00:00', 'UTC')).toBeNull();
  });

  it('reads a time with an offset as the same instant as reading it in any zone would', () => {
    const zones = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Europe/Berlin', 'Australia/Lord_Howe'];
    const offset = fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 15, 30, 45), fc.boolean()).map(([sign, h, m, colon]) => `${sign}${String(h).padStart(2, '0')}${colon ? ':' : ''}${String(m).padStart(2, '0')}`));
    const instant = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T23:59:59Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instant, offset, fc.constantFrom(...zones), (date, suffix, zone) => {
        const text = `${date.toISOString().slice(0, 19)}${suffix}`;
        expect(resolveDateTime(text, zone)?.toISOString()).toBe(DateTime.fromISO(text, { zone }).toJSDate().toISOString());
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });
});
