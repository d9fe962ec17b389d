import fc from 'fast-check';
import { DateTime } from 'luxon';
import { isRealDateTime } from './real-date-time';

const two = (n: number): string => String(n).padStart(2, '0');

describe('isRealDateTime', () => {
  it.each([
    ['2026-11-24T15:00:00-05:00', true],
    ['2024-02-29T10:00Z', true],
    ['2026-02-29T10:00Z', false],
    ['2026-11-24T24:00:00Z', true],
    ['2026-11-24T24:00:01Z', false],
    ['2026-13-01T10:00', false],
    ['2026-11-24T10:60', false],
    ['not a time', false],
  ])('%s: %s', (value, real) => {
    expect(isRealDateTime(value)).toBe(real);
  });

  it('agrees with luxon on every shape the schema admits', () => {
    const part = (min: number, max: number) => fc.integer({ min, max });
    const fraction = fc.option(fc.stringMatching(/^\d{1,9}$/), { nil: undefined });
    const offset = fc.constantFrom('', 'Z', 'z', '+05:30', '-0800', '+14:00', '-00:00', '+23:59', '+99:99');
    const text = fc
      .tuple(part(0, 9999), part(0, 13), part(0, 32), part(0, 25), part(0, 61), fc.option(part(0, 61), { nil: undefined }), fraction, offset)
      .map(([y, mo, d, h, mi, s, f, o]) => `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}${s === undefined ? '' : `:${two(s)}${f === undefined ? '' : `.${f}`}`}${o}`);
    fc.assert(
      fc.property(text, (value) => {
        expect(isRealDateTime(value)).toBe(DateTime.fromISO(value, { setZone: true }).isValid);
      }),
      { seed: 20261203, numRuns: 20000 },
    );
  });
});
