/** Optional second bound: the summed weight of the values (e.g. bytes of cached bodies). */
export interface WeightBound<V> {
  maxWeight: number;
  weigh(value: V): number;
}

/**
 * A small LRU with a per-entry expiry, bounded because its keys come from callers (tokens and URLs
 * are attacker-supplied): by entries, and optionally by weight. A Map keeps insertion order:
 * re-inserting on a hit makes it least recent last.
 */
export class BoundedTtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number; weight: number }>();
  private weight = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
    private readonly bound?: WeightBound<V>,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.remove(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.insert(key, entry);
    return entry.value;
  }

  /** Not kept when already expired, or heavier than the whole weight bound. */
  set(key: string, value: V, expiresAt: number): void {
    if (expiresAt <= this.now()) return;
    this.remove(key);
    const weight = this.bound?.weigh(value) ?? 0;
    if (this.bound && weight > this.bound.maxWeight) return;
    this.insert(key, { value, expiresAt, weight });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && (!this.bound || this.weight <= this.bound.maxWeight)) break;
      this.remove(oldest);
    }
  }

  delete(key: string): void {
    this.remove(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private insert(key: string, entry: { value: V; expiresAt: number; weight: number }): void {
    this.entries.set(key, entry);
    this.weight += entry.weight;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.weight -= entry.weight;
  }
}
