import { LRUCache } from 'lru-cache';

/**
 * One value per tenant, kept while the tenant's stamp is the one it was read under, bounded in
 * tenants (least recently used out first: the tenants come from attacker-supplied hosts). Without
 * a stamp (Redis cannot say) nothing is kept and every read loads.
 */
export class StampedCache<T extends object> {
  private readonly entries: LRUCache<string, { stamp: string; value: T }>;

  constructor(maxTenants: number) {
    this.entries = new LRUCache({ max: maxTenants });
  }

  async get(tenantId: string, stamp: string | undefined, load: () => Promise<T>): Promise<T> {
    const known = this.entries.get(tenantId);
    if (known && stamp && known.stamp === stamp) return known.value;
    const value = await load();
    if (stamp) this.entries.set(tenantId, { stamp, value });
    return value;
  }
}
