import type { Task } from '@portal/contracts';
import { changedFields, isStale, type ChangeableOrder } from './order-changes';

const task = (line1: string): Task => ({ address: { line1, city: 'New York', postalCode: '10001', country: 'US' }, contact: { name: 'Ada' }, completeAfter: null, completeBefore: null, notes: null });
const order = (over: Partial<ChangeableOrder> = {}): ChangeableOrder => ({
  pickup: task('1 Warehouse Way'),
  dropoff: task('350 5th Ave'),
  readyBy: '2026-11-24T15:00:00.000Z',
  dueBy: null,
  weight: { value: 2, unit: 'kg' },
  pieces: 1,
  notes: null,
  serviceCode: null,
  ...over,
});

describe('changedFields', () => {
  it('finds nothing when only key order or time notation differ', () => {
    const reordered = { ...order(), dropoff: { contact: { name: 'Ada' }, address: { country: 'US', postalCode: '10001', city: 'New York', line1: '350 5th Ave' }, completeAfter: null, completeBefore: null, notes: null } };
    expect(changedFields(order(), { ...reordered, readyBy: '2026-11-24T10:00:00-05:00' })).toEqual([]);
  });

  it('names each field that differs, an address line or a weight', () => {
    expect(changedFields(order(), order({ dropoff: task('20 W 34th St'), weight: { value: 3, unit: 'kg' }, pieces: 1 }))).toEqual(['dropoff', 'weight']);
    expect(changedFields(order(), order({ dueBy: '2026-11-24T18:00:00.000Z', notes: 'Ring twice' }))).toEqual(['dueBy', 'notes']);
  });
});

describe('isStale', () => {
  const at = new Date('2026-11-24T15:00:00Z');
  it('is stale only when strictly older than what the order reflects', () => {
    expect(isStale(at, new Date('2026-11-24T14:59:59Z'))).toBe(true);
    expect(isStale(at, at)).toBe(false);
    expect(isStale(at, new Date('2026-11-24T15:00:01Z'))).toBe(false);
    expect(isStale(null, at)).toBe(false);
  });
});
