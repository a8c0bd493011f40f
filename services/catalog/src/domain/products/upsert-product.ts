import type { TenantCtx } from '@fleet/context';
import type { Queryable } from '@fleet/db';
import { AppError } from '@fleet/errors';
import { productIdBySlug } from '../../data-access/product.repository';
import { skuOwners } from '../../data-access/variant.repository';
import type { CatalogDeps } from '../catalog-deps';
import { inCatalogTx } from '../catalog-tx';
import { insertProduct } from './create-product';
import type { ProductInput } from './product-input';
import type { ProductView } from './product-view';
import { applyProductPatch } from './update-product';

export interface UpsertOutcome {
  status: 'created' | 'updated';
  product: ProductView;
}

/**
 * Creates the product, or updates the one it names: the product with its slug, else the one that
 * owns its SKUs. An update changes the fields given and replaces the variants (ids kept by SKU).
 * One transaction per product: a failing product never undoes another.
 */
export function upsertProduct(
  ctx: TenantCtx,
  deps: CatalogDeps,
  input: ProductInput,
): Promise<UpsertOutcome> {
  return inCatalogTx(deps, ctx, async (tx) => {
    const targetId = await findTarget(tx, ctx.tenantId, input);
    if (!targetId) return { status: 'created', product: await insertProduct(tx, ctx, input) };
    return { status: 'updated', product: await applyProductPatch(tx, ctx, targetId, input) };
  });
}

async function findTarget(tx: Queryable, tenantId: string, input: ProductInput): Promise<string | undefined> {
  if (input.slug) {
    const id = await productIdBySlug(tx, tenantId, input.slug);
    if (id) return id;
  }
  const skus = input.variants.map((v) => v.sku);
  const owners = [...new Set((await skuOwners(tx, tenantId, skus, null)).map((r) => r.product_id))];
  if (owners.length > 1) {
    throw new AppError('conflict', 'These SKUs belong to several products; update them one by one.', {
      code: 'sku_conflict',
      errors: [{ path: 'variants', message: 'the SKUs belong to different products' }],
    });
  }
  return owners[0];
}
