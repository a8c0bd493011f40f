import type { TenantCtx } from '@fleet/context';
import { lookupVariants } from '../../data-access/variant-lookup.repository';
import type { CatalogDeps } from '../catalog-deps';
import type { RawJson } from './store-products';

export const LOOKUP_MAX_VARIANTS = 250;

/**
 * `POST /internal/variants/lookup` (carts and checkout): price, title and availability of the
 * given variants, any product status (`purchasable` says whether it can be bought). Unknown ids,
 * and another tenant's, are simply absent. One round trip.
 */
export async function lookupVariantInfo(
  ctx: TenantCtx,
  deps: CatalogDeps,
  variantIds: readonly string[],
): Promise<{ items: RawJson[] }> {
  const unique = [...new Set(variantIds)];
  const items = await deps.db.readAsTenant(ctx, (tx) => lookupVariants(tx, ctx.tenantId, unique));
  return { items };
}
