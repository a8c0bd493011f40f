import { LRUCache } from 'lru-cache';

/** Optional second bound: the summed weight of the values (e.g. bytes of cached bodies). */
export interface WeightBound<V> {
  maxWeight: number;
  weigh(value: V): number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * An LRU (lru-cache) with an expiry per entry, bounded because its keys come from callers (tokens
 * and URLs are attacker-supplied): by entries, and optionally by weight. The expiry is checked
 * here against the injected clock, exactly (an entry is gone at `expiresAt`); lru-cache keeps the
 * recency order and the bounds.
 */
export class BoundedTtlCache<V> {
  private readonly entries: LRUCache<string, Entry<V>>;

  constructor(
    maxEntries: number,
    private readonly now: () => number = Date.now,
    private readonly bound?: WeightBound<V>,
  ) {
    this.entries = new LRUCache<string, Entry<V>>({
      max: Math.max(1, maxEntries),
      // lru-cache sizes are positive integers: an empty body weighs 1.
      ...(bound && bound.maxWeight > 0
        ? { maxSize: bound.maxWeight, sizeCalculation: (entry) => Math.max(1, bound.weigh(entry.value)) }
        : {}),
    });
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Not kept when already expired, or heavier than the whole weight bound (an older value goes). */
  set(key: string, value: V, expiresAt: number): void {
    if (expiresAt <= this.now()) return;
    if (this.bound && this.bound.maxWeight <= 0) this.entries.delete(key);
    else this.entries.set(key, { value, expiresAt });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
