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
});
