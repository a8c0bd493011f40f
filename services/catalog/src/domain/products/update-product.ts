import type { TenantCtx } from '@fleet/context';
import { PRODUCT_EVENTS } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { setLinks } from '../../data-access/link.repository';
import { lockProduct, refreshProduct, updateProductRow } from '../../data-access/product.repository';
import { saveVariants, variantIdsBySku } from '../../data-access/variant.repository';
import type { CatalogDeps } from '../catalog-deps';
import { inCatalogTx } from '../catalog-tx';
import type { ProductPatch } from './product-input';
import { assertLinksExist, assertSkusFree, assertVariantOptions, productNotFound } from './product-guards';
import { recordProductChanged } from './product-events';
import type { ProductView } from './product-view';

/** `PATCH /api/admin/products/{id}`: the given fields change; `variants` replaces the set by SKU. */
export function updateProduct(
  ctx: TenantCtx,
  deps: CatalogDeps,
  id: string,
  patch: ProductPatch,
): Promise<ProductView> {
  return inCatalogTx(deps, ctx, (tx) => applyProductPatch(tx, ctx, id, patch));
}

/**
 * The update inside a caller's transaction (bulk and import use it too): lock the product row
 * first, change it and its children, then bump the version and write `product.updated`.
 */
export async function applyProductPatch(
  tx: Queryable,
  ctx: TenantCtx,
  id: string,
  patch: ProductPatch,
): Promise<ProductView> {
  const tenantId = ctx.tenantId;
  const current = await lockProduct(tx, tenantId, id);
  if (!current) throw productNotFound();
  await assertLinksExist(tx, tenantId, patch);
  if (patch.variants) {
    assertVariantOptions(patch.options ?? current.option_names, patch.variants);
    await assertSkusFree(tx, tenantId, patch.variants, id);
  }
  await updateProductRow(tx, tenantId, id, patch);
  if (patch.variants) {
    await saveVariants(tx, tenantId, id, patch.variants, await variantIdsBySku(tx, tenantId, id));
  }
  if (patch.categoryIds) await setLinks(tx, tenantId, id, 'categories', patch.categoryIds);
  if (patch.collectionIds) await setLinks(tx, tenantId, id, 'collections', patch.collectionIds);
  await refreshProduct(tx, tenantId, id);
  return recordProductChanged(tx, ctx, id, PRODUCT_EVENTS.updated);
}
