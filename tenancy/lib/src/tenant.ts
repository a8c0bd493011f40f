/** `deleted`: soft-deleted, no host resolves to it; purged after the grace period unless restored. */
export type TenantStatus = 'active' | 'suspended' | 'deleted';

/**
 * What the platform knows about a tenant at one moment. Events carry it whole, so caches can be
 * refreshed without a lookup; `version` grows with every change so a cache keeps the newest.
 */
export interface TenantSnapshot {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  plan: string;
  currency: string;
  country: string;
  /** Every host that routes to this tenant: its subdomain and its verified custom domains. */
  hosts: string[];
  version: number;
}

/** Normalises a Host header value: lower case, no port, no trailing dot. Null when not a hostname. */
export function normalizeHost(raw: string | undefined): string | null {
  if (!raw) return null;
  let host = raw.trim().toLowerCase();
  if (host.startsWith('[')) return null; // IP literals never name a store
  const colon = host.indexOf(':');
  if (colon !== -1) host = host.slice(0, colon);
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.length === 0 || host.length > 253) return null;
  if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(host)) return null;
  return host;
}
