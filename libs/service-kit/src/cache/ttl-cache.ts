/**
 * Read-through cache for projection lookups on hot paths: each key is loaded at most once per TTL,
 * so every replica sees a change within the TTL without a database round trip per request.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V | null; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    /** Whether "not found" is remembered too (shields the database from floods of unknown ids). */
    private readonly cacheMisses: boolean,
    private readonly maxEntries = 10_000,
  ) {}

  async get(key: string, load: () => Promise<V | null>): Promise<V | null> {
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > now) return cached.value;
    const value = await load();
    if (value !== null || this.cacheMisses) {
      // A crude bound: a full cache starts over rather than tracking recency.
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { value, expiresAt: now + this.ttlMs });
    }
    return value;
  }
}
