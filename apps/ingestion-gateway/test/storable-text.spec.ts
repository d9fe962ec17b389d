import { storableText } from '../src/platforms/storable-text';

describe('storableText', () => {
  it('hands back a storable payload as it is, not a copy', () => {
    const payload = { id: 'evt-1', order: { lines: [{ sku: 'A', qty: 2 }], note: 'café ☕', shipped: null } };
    expect(storableText(payload)).toBe(payload);
  });

  it('copies only to drop NUL characters and mend lone surrogates, in keys and values at any depth, leaving the original alone', () => {
    const payload = { id: 'evt-2', order: { lines: [{ sku: 'A\u0000B' }, 'x\ud800y'], ['k\u0000ey']: 1, kept: true } };
    const stored = storableText(payload);
    expect(stored).toEqual({ id: 'evt-2', order: { lines: [{ sku: 'AB' }, 'x\ufffdy'], key: 1, kept: true } });
    expect(payload.order.lines[0]).toEqual({ sku: 'A\u0000B' });
  });
});
