/**
 * A small in-process cache with a cap on its size and an age limit per entry, for answers the
 * server fetched from elsewhere (ENS names, verified ABIs): the least recently used entry goes
 * first when it is full, so a stream of distinct keys (a crawler walking every delegate) cannot
 * grow it without bound. Values are usually promises, so concurrent requests share one fetch.
 */

export type BoundedCacheOptions = {
  /** Most entries kept (the least recently used is dropped beyond it). */
  maxEntries: number;
  /** How long an entry stays valid, in ms, unless `set` gives it its own. */
  ttlMs: number;
  /** The clock (tests move it). */
  now?: () => number;
};

export type BoundedCache<V> = {
  get(key: string): V | undefined;
  set(key: string, value: V, ttlMs?: number): void;
  delete(key: string): void;
  readonly size: number;
};

/**
 * @example
 * const names = boundedCache<Promise<string | null>>({ maxEntries: 5_000, ttlMs: 3_600_000 });
 * names.set(address, lookup(address));
 */
export function boundedCache<V>({ maxEntries, ttlMs, now = Date.now }: BoundedCacheOptions): BoundedCache<V> {
  const entries = new Map<string, { value: V; expires: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= now()) {
        entries.delete(key);
        return undefined;
      }
      // Map keeps insertion order: re-inserting marks it as the most recently used.
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, ttl = ttlMs) {
      entries.delete(key);
      entries.set(key, { value, expires: now() + ttl });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    delete(key) {
      entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}
