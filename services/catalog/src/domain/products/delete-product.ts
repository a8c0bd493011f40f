import type { TenantCtx } from '@fleet/context';
import { deleteProductRow, lockProduct } from '../../data-access/product.repository';
import type { CatalogDeps } from '../catalog-deps';
import { inCatalogTx } from '../catalog-tx';
import { productNotFound } from './product-guards';
import { recordProductDeleted } from './product-events';

/**
 * `DELETE /api/admin/products/{id}`: removes the product with its variants, prices, availability
 * and links, and writes `product.deleted` with the version after the last one.
 */
export async function deleteProduct(ctx: TenantCtx, deps: CatalogDeps, id: string): Promise<void> {
  await inCatalogTx(deps, ctx, async (tx) => {
    const current = await lockProduct(tx, ctx.tenantId, id);
    if (!current) throw productNotFound();
    await deleteProductRow(tx, ctx.tenantId, id);
    await recordProductDeleted(tx, ctx, { id, version: current.version + 1 });
  });
}
