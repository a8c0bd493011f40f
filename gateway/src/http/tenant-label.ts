/**
 * The `tenant` label of the gateway's request histogram, bounded: the first `limit` tenants this
 * process answers keep their own series, every later one shares `other`. A fleet of thousands of
 * stores would otherwise make thousands of series per route and status (Prometheus' cardinality
 * rule); per-tenant detail beyond the bound is in the access log and on traces (`tenant.id`).
 */
export function boundedTenantLabel(limit: number): (tenantId: string | null | undefined) => string {
  const named = new Set<string>();
  return (tenantId) => {
    if (!tenantId) return 'none';
    if (named.has(tenantId)) return tenantId;
    if (named.size >= limit) return 'other';
    named.add(tenantId);
    return tenantId;
  };
}

/** How many tenants get their own series in one gateway process. */
export const TENANT_LABEL_LIMIT = 100;
