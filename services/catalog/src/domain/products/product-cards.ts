import type { TenantCtx } from '@fleet/context';
import { activeCards, similarCards } from '../../data-access/card.repository';
import type { CatalogDeps } from '../catalog-deps';
import type { RawJson } from './store-products';

/** Storefront cards of the active products among `ids` (unknown or inactive ones are absent). */
export function productCards(ctx: TenantCtx, deps: CatalogDeps, ids: readonly string[]): Promise<RawJson[]> {
  return deps.db.readAsTenant(ctx, (tx) => activeCards(tx, ctx.tenantId, ids));
}

/** Active products sharing a category with `productId`, most shared categories first. */
export function similarProducts(
  ctx: TenantCtx,
  deps: CatalogDeps,
  productId: string,
  limit: number,
): Promise<RawJson[]> {
  return deps.db.readAsTenant(ctx, (tx) => similarCards(tx, ctx.tenantId, productId, limit));
}
