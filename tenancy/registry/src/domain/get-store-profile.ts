import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { readSettings } from '../data-access/store-settings.repository';
import { findTenantById, verifiedDomains } from '../data-access/tenant.repository';
import { storeUrl, type RegistryDeps } from './registry-deps';

/** What mail sent on a store's behalf is branded with (`GET /internal/store-profile`). */
export interface StoreProfile {
  name: string;
  currency: string;
  theme: { primaryColor?: string; logoUrl?: string };
  /** The store's home page: its first verified custom domain, else its platform subdomain. */
  storeUrl: string;
}

export async function getStoreProfile(ctx: TenantCtx, deps: RegistryDeps): Promise<StoreProfile> {
  const found = await deps.db.readAsTenant(ctx, async (tx) => {
    const settings = await readSettings(tx);
    const tenant = await findTenantById(tx, ctx.tenantId);
    const domains = tenant ? await verifiedDomains(tx, ctx.tenantId) : [];
    return settings && tenant
      ? { settings, host: domains[0] ?? `${tenant.slug}.${deps.platformDomain}` }
      : null;
  });
  if (!found) throw new AppError('not_found', 'This store has no settings.', { code: 'store_not_found' });
  const { settings, host } = found;
  return {
    name: settings.name,
    currency: settings.currency,
    theme: settings.theme,
    storeUrl: storeUrl(deps, host, ''),
  };
}
