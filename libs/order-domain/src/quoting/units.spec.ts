import { haversineKm } from './distance';
import { exceedsWeight, formatWeight, KG_PER_LB, toKg } from './units';

describe('units', () => {
  it('converts pounds to kilograms exactly by definition', () => {
    expect(toKg({ value: 1, unit: 'lb' })).toBe(0.45359237);
    expect(toKg({ value: 10, unit: 'kg' })).toBe(10);
    expect(toKg({ value: 100, unit: 'lb' })).toBeCloseTo(45.359237, 12);
  });

  it('compares weights across units without floating error tipping an equal weight over', () => {
    expect(exceedsWeight({ value: 20 * KG_PER_LB, unit: 'kg' }, { value: 20, unit: 'lb' })).toBe(false);
    expect(exceedsWeight({ value: 20, unit: 'lb' }, { value: 20 * KG_PER_LB, unit: 'kg' })).toBe(false);
    expect(exceedsWeight({ value: 44, unit: 'lb' }, { value: 20, unit: 'kg' })).toBe(false); // 19.96 kg
    expect(exceedsWeight({ value: 45, unit: 'lb' }, { value: 20, unit: 'kg' })).toBe(true); // 20.41 kg
    expect(exceedsWeight({ value: 20.001, unit: 'kg' }, { value: 20, unit: 'kg' })).toBe(true);
  });

  it('shows weights in the client unit system', () => {
    expect(formatWeight({ value: 10, unit: 'kg' }, 'lb')).toBe('22.05 lb');
    expect(formatWeight({ value: 25, unit: 'lb' }, 'lb')).toBe('25 lb');
  });
});

describe('haversineKm', () => {
  it('is zero between a point and itself, and symmetric', () => {
    const a = { lat: 40.7, lng: -74 };
    const b = { lat: 51.5, lng: -0.12 };
    expect(haversineKm(a, a)).toBe(0);
    expect(haversineKm(a, b)).toBe(haversineKm(b, a));
  });

  it('measures one degree of latitude as R x pi / 180 on a 6371.0088 km sphere', () => {
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo((6371.0088 * Math.PI) / 180, 9);
  });

  it('measures half the globe between antipodes', () => {
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(6371.0088 * Math.PI, 6);
  });
});
