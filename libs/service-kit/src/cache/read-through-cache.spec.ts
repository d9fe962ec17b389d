import { ReadThroughCache } from './read-through-cache';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A load that waits for `release()` before answering, each time with the next number. */
const gatedLoads = () => {
  let n = 0;
  let release: () => void = () => undefined;
  const started: number[] = [];
  const load = async (key: string) => {
    started.push(Date.now());
    const mine = ++n;
    await new Promise<void>((resolve) => (release = resolve));
    return { key, n: mine };
  };
  return { started, load, release: () => release() };
};

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

  // Wide margins (a 1 s TTL): the machine that runs the tests is shared and its timers late.
  it('past three quarters of its TTL, answers from the entry and reloads it in the background', async () => {
    const loads = gatedLoads();
    const cache = new ReadThroughCache({ ttlMs: 1000, cacheMisses: false, max: 10, load: loads.load });
    const first = cache.get('a');
    loads.release();
    expect(await first).toEqual({ key: 'a', n: 1 });
    await sleep(800);
    // Answered at once though the reload it started has not finished, and answered the same to a second read.
    expect(await cache.get('a')).toEqual({ key: 'a', n: 1 });
    expect(await cache.get('a')).toEqual({ key: 'a', n: 1 });
    expect(loads.started).toHaveLength(2);
    loads.release();
    await sleep(0);
    expect(await cache.get('a')).toEqual({ key: 'a', n: 2 });
    expect(loads.started).toHaveLength(2);
  });

  it('never answers with a value older than its TTL: past it, a read waits for the load', async () => {
    const loads = gatedLoads();
    const cache = new ReadThroughCache({ ttlMs: 200, cacheMisses: false, max: 10, load: loads.load });
    const first = cache.get('a');
    loads.release();
    await first;
    await sleep(250);
    let answered = false;
    const second = cache.get('a').then((value) => ((answered = true), value));
    await sleep(20);
    expect(answered).toBe(false);
    loads.release();
    expect(await second).toEqual({ key: 'a', n: 2 });
  });

  it('with a TTL of 0, loads on every read', async () => {
    const { loads, load } = counter();
    const cache = new ReadThroughCache({ ttlMs: 0, cacheMisses: true, max: 10, load });
    expect(await cache.get('a')).toEqual({ key: 'a', n: 1 });
    await sleep(2);
    expect(await cache.get('a')).toEqual({ key: 'a', n: 2 });
    expect(loads).toEqual(['a', 'a']);
  });

  it('after a background reload fails, nothing is left unhandled and the next read loads again', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    let attempt = 0;
    const cache = new ReadThroughCache({ ttlMs: 1000, cacheMisses: false, max: 10, load: async () => {
      attempt++;
      if (attempt === 2) throw new Error('database unreachable');
      return { attempt };
    } });
    expect(await cache.get('k')).toEqual({ attempt: 1 });
    await sleep(800);
    expect(await cache.get('k')).toEqual({ attempt: 1 });
    await sleep(10);
    expect(await cache.get('k')).toEqual({ attempt: 3 });
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
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
