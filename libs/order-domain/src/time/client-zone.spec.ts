import fc from 'fast-check';
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import { clientZone } from './client-zone';

const ZONES = ['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe', 'America/Sao_Paulo'];

describe('clientZone', () => {
  it('gives the offsets luxon computes, asked once or many times, around DST changes and across decades (before 1970 too)', () => {
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2060, 11, 31) }),
      // Within an hour of New York's and London's 2026 changes, to the millisecond.
      fc.integer({ min: Date.UTC(2026, 2, 8, 6), max: Date.UTC(2026, 2, 8, 8) }),
      fc.integer({ min: Date.UTC(2026, 9, 25, 0), max: Date.UTC(2026, 9, 25, 2) }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.array(instant, { minLength: 1, maxLength: 20 }), (name, instants) => {
        const zone = clientZone(name);
        for (const ts of [...instants, ...instants]) expect(zone.offset(ts)).toBe(IANAZone.create(name).offset(ts));
      }),
      { seed: 20261204, numRuns: 300 },
    );
  });

  it('builds the same local times as the zone named by its text, through a DST gap and overlap', () => {
    const local = (zone: string | ReturnType<typeof clientZone>, hour: number, day: number) =>
      DateTime.fromObject({ year: 2026, month: day < 15 ? 3 : 11, day, hour, minute: 30 }, { zone }).toISO();
    for (const [day, hour] of [[8, 2], [8, 1], [1, 1], [1, 2], [24, 10]]) {
      expect(local(clientZone('America/New_York'), hour, day)).toBe(local('America/New_York', hour, day));
    }
  });

  it('keeps one zone per name, which equals the plain IANA zone', () => {
    const zone = clientZone('Europe/Berlin');
    expect(clientZone('Europe/Berlin')).toBe(zone);
    expect(zone.equals(IANAZone.create('Europe/Berlin'))).toBe(true);
    expect(IANAZone.create('Europe/Berlin').equals(zone)).toBe(true);
    expect(zone.name).toBe('Europe/Berlin');
  });

  it('reads UTC as luxon does, and leaves a name that is no zone invalid', () => {
    expect(clientZone('UTC')).toBe(FixedOffsetZone.utcInstance);
    expect(clientZone('Mars/Olympus_Mons').isValid).toBe(false);
    expect(DateTime.fromMillis(0, { zone: clientZone('Mars/Olympus_Mons') }).isValid).toBe(false);
  });

  it('still gives luxon\'s zone, and its offsets, for names past the ones it remembers', () => {
    // Case variants of one name are each a valid spelling: enough of them to pass the cap.
    const letters = 'america/new_york'.split('');
    const spellings = Array.from({ length: 1_100 }, (_, n) => letters.map((c, i) => (n >> i) & 1 ? c.toUpperCase() : c).join(''));
    const zones = spellings.map(clientZone);
    const july = Date.UTC(2026, 6, 1);
    for (const zone of zones) expect(zone.offset(july)).toBe(-240);
    expect(zones.at(-1)).toBe(clientZone(spellings.at(-1) ?? ''));
  });

  it('keeps giving the right offsets after its memory fills and starts over', () => {
    const zone = clientZone('America/Sao_Paulo');
    const reference = IANAZone.create('America/Sao_Paulo');
    const start = Date.UTC(2010, 0, 1);
    for (let i = 0; i < 10_000; i++) {
      const ts = start + i * 3_600_000 * 7;
      expect(zone.offset(ts)).toBe(reference.offset(ts));
    }
  });
});
