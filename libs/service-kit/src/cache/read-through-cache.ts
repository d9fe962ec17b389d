import { LRUCache } from 'lru-cache';

export interface ReadThroughCacheOptions<V> {
  /** How long a loaded value is served before the next read loads it again. */
  ttlMs: number;
  /** Whether "not found" is remembered too (shields the database from floods of unknown ids). */
  cacheMisses: boolean;
  /** Least recently used entries go first beyond this many. */
  max: number;
  load: (key: string) => Promise<V | null>;
}

/**
 * Read-through cache for projection lookups on hot paths: each key is loaded at most once per TTL,
 * and concurrent misses of one key share a single load (single flight), so a burst of requests for
 * a cold key costs one database read; every replica sees a change within the TTL.
 */
export class ReadThroughCache<V extends object> {
  private readonly entries: LRUCache<string, { value: V | null }>;

  constructor(options: ReadThroughCacheOptions<V>) {
    this.entries = new LRUCache<string, { value: V | null }>({
      max: options.max,
      ttl: options.ttlMs,
      // An expired entry is loaded again, never served stale: changes must show within the TTL.
      allowStale: false,
      fetchMethod: async (key): Promise<{ value: V | null } | undefined> => {
        const value: V | null = await options.load(key);
        return value !== null || options.cacheMisses ? { value } : undefined;
      },
    });
  }

  async get(key: string): Promise<V | null> {
    return (await this.entries.fetch(key))?.value ?? null;
  }
}
