/**
 * Answers kept a few seconds per process, for values that rarely change but would otherwise be
 * read from the database on every request (which agency a slug names, whether an agency requires
 * two-factor sign-in). A change made through this process deletes or clears entries at once;
 * another instance's change shows once the entry expires. Bounded: when full it is emptied whole,
 * so a client cannot grow it with made-up keys, and every entry is cheap to load again.
 */
export interface ExpiringCache<V> {
  /** The kept answer, or `load`'s, kept when `keep` says so (by default always). */
  get(key: string, load: () => Promise<V>, keep?: (value: V) => boolean): Promise<V>;
  delete(key: string): void;
  clear(): void;
}

export function expiringCache<V>(opts: { ttlMs: number; max: number; now?: () => number }): ExpiringCache<V> {
  const now = opts.now ?? Date.now;
  const entries = new Map<string, { value: V; until: number }>();
  return {
    async get(key, load, keep = () => true) {
      const t = now();
      const hit = entries.get(key);
      if (hit && hit.until > t) return hit.value;
      const value = await load();
      if (keep(value)) {
        if (entries.size >= opts.max) entries.clear();
        entries.set(key, { value, until: t + opts.ttlMs });
      }
      return value;
    },
    delete: (key) => void entries.delete(key),
    clear: () => entries.clear(),
  };
}
