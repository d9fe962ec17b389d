import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('loads a key once per TTL and again after it', async () => {
    let loads = 0;
    const cache = new TtlCache<number>(50, false);
    const load = async () => ++loads;
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('a', load)).toBe(1);
    await new Promise((r) => setTimeout(r, 60));
    expect(await cache.get('a', load)).toBe(2);
  });

  it('remembers misses only when asked to', async () => {
    let loads = 0;
    const miss = async () => (loads++, null);
    const remembering = new TtlCache<number>(1000, true);
    await remembering.get('x', miss);
    await remembering.get('x', miss);
    expect(loads).toBe(1);
    const forgetting = new TtlCache<number>(1000, false);
    await forgetting.get('x', miss);
    await forgetting.get('x', miss);
    expect(loads).toBe(3);
  });
});
