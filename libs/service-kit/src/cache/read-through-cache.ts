import { LRUCache } from 'lru-cache';

export interface ReadThroughCacheOptions<V> {
  /** The oldest a served value may be: a change shows within this long. 0 loads on every read. */
  ttlMs: number;
  /** Whether "not found" is remembered too (shields the database from floods of unknown ids). */
  cacheMisses: boolean;
  /** Least recently used entries go first beyond this many. */
  max: number;
  load: (key: string) => Promise<V | null>;
}

/** Share of the TTL after which a read reloads an entry in the background. */
const REFRESH_AT = 0.75;

interface Entry<V> {
  value: V | null;
  /** When the load that read it started: the value is as old as that. */
  loadedAt: number;
}

/**
 * Read-through cache for projection lookups on hot paths: concurrent misses of one key share a
 * single load (single flight), and no value older than the TTL is ever served, so every replica
 * sees a change within the TTL.
 *
 * A read in the last quarter of an entry's TTL is answered from the entry and starts its reload in
 * the background (stale-while-revalidate, bounded by the TTL): under steady traffic a hot key is
 * reloaded before it expires, and no request waits for the database. Waiting for every expiry put
 * a database read in front of whichever requests came next, twice a second per hot key (p99 of the
 * gateway's connection lookup 3-4 ms at 150/s). A key nobody read in that last quarter is loaded
 * while its reader waits, as before.
 */
export class ReadThroughCache<V extends object> {
  private readonly entries: LRUCache<string, Entry<V>>;

  constructor(private readonly options: ReadThroughCacheOptions<V>) {
    this.entries = new LRUCache<string, Entry<V>>({
      max: options.max,
      // Past this, lru-cache calls the entry stale and a fetch reloads it; whether the stale value
      // may answer meanwhile is decided per read, against the TTL.
      ttl: Math.max(1, Math.floor(options.ttlMs * REFRESH_AT)),
      allowStale: false,
      fetchMethod: async (key): Promise<Entry<V> | undefined> => {
        const loadedAt = Date.now();
        const value = await options.load(key);
        return value !== null || options.cacheMisses ? { value, loadedAt } : undefined;
      },
    });
  }

  async get(key: string): Promise<V | null> {
    const held = this.entries.peek(key, { allowStale: true });
    const servable = held !== undefined && Date.now() - held.loadedAt < this.options.ttlMs;
    return (await this.entries.fetch(key, { allowStale: servable }))?.value ?? null;
  }
}
