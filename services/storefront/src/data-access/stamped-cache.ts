/**
 * One value per tenant, kept while the tenant's stamp is the one it was read under, bounded in
 * tenants (least recently used out first: the tenants come from attacker-supplied hosts). Without
 * a stamp (Redis cannot say) nothing is kept and every read loads.
 */
export class StampedCache<T> {
  private readonly entries = new Map<string, { stamp: string; value: T }>();

  constructor(private readonly maxTenants: number) {}

  async get(tenantId: string, stamp: string | undefined, load: () => Promise<T>): Promise<T> {
    const known = this.entries.get(tenantId);
    if (known && stamp && known.stamp === stamp) {
      this.entries.delete(tenantId);
      this.entries.set(tenantId, known);
      return known.value;
    }
    const value = await load();
    if (stamp) {
      this.entries.delete(tenantId);
      this.entries.set(tenantId, { stamp, value });
      if (this.entries.size > this.maxTenants)
        this.entries.delete(this.entries.keys().next().value as string);
    }
    return value;
  }
}
