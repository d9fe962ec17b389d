import { ReadThroughCache } from './read-through-cache';

const counter = () => {
  const loads: string[] = [];
  return { loads, load: async (key: string) => (loads.push(key), { key, n: loads.length }) };
};

describe('ReadThroughCache', () => {
  it('loads a key once per TTL and again after it', async () => {
    const { loads, load } = counter();
    const cache = new ReadThroughCache({ ttlMs: 50, cacheMisses: false, max: 10, load });
    expect(await cache.get('a')).toEqual({ key: 'a', n: 1 });
    expect(await cache.get('a')).toEqual({ key: 'a', n: 1 });
    await new Promise((r) => setTimeout(r, 60));
    expect(await cache.get('a')).toEqual({ key: 'a', n: 2 });
    expect(loads).toEqual(['a', 'a']);
  });

  it('shares one load between concurrent misses of a key', async () => {
    const loads: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const cache = new ReadThroughCache({ ttlMs: 1000, cacheMisses: false, max: 10, load: async (key) => (loads.push(key), await gate, { key }) });
    const reads = Promise.all(Array.from({ length: 50 }, () => cache.get('hot')));
    release();
    expect(new Set((await reads).map((r) => r?.key))).toEqual(new Set(['hot']));
    expect(loads).toEqual(['hot']);
  });

  it('remembers misses only when asked to', async () => {
    let loads = 0;
    const miss = async () => (loads++, null);
    const remembering = new ReadThroughCache<object>({ ttlMs: 1000, cacheMisses: true, max: 10, load: miss });
    expect(await remembering.get('x')).toBeNull();
    expect(await remembering.get('x')).toBeNull();
    expect(loads).toBe(1);
    const forgetting = new ReadThroughCache<object>({ ttlMs: 1000, cacheMisses: false, max: 10, load: miss });
    await forgetting.get('x');
    await forgetting.get('x');
    expect(loads).toBe(3);
  });

  it('does not keep a failed load', async () => {
    let attempts = 0;
    const cache = new ReadThroughCache({ ttlMs: 1000, cacheMisses: true, max: 10, load: async () => {
      attempts++;
      if (attempts === 1) throw new Error('database unreachable');
      return { ok: true };
    } });
    await expect(cache.get('k')).rejects.toThrow('database unreachable');
    expect(await cache.get('k')).toEqual({ ok: true });
  });
});
