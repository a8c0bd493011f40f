import { normalizeHost, type TenantSnapshot } from '@fleet/tenancy';
import {
  findTenantByCustomDomain,
  findTenantBySlug,
  toSnapshot,
  verifiedDomains,
  type TenantRow,
} from '../data-access/tenant.repository';
import type { RegistryDeps } from './registry-deps';

/** `{slug}.{platformDomain}` by slug, anything else by verified custom domain. */
export async function resolveHost(deps: RegistryDeps, rawHost: string): Promise<TenantSnapshot | null> {
  const host = normalizeHost(rawHost);
  if (!host) return null;
  const suffix = `.${deps.platformDomain}`;
  return deps.db.transaction(async (tx) => {
    let row: TenantRow | undefined;
    if (host.endsWith(suffix)) {
      const label = host.slice(0, -suffix.length);
      if (!label.includes('.')) row = await findTenantBySlug(tx, label);
    } else {
      row = await findTenantByCustomDomain(tx, host);
    }
    // A soft-deleted store is offline at once: no host resolves to it.
    if (row?.status === 'deleted') return null;
    return row ? toSnapshot(row, deps.platformDomain, await verifiedDomains(tx, row.id)) : null;
  });
}
