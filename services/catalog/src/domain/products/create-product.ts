import type { TenantCtx } from '@fleet/context';
import { PRODUCT_EVENTS } from '@fleet/contracts';
import { newId, type Queryable } from '@fleet/db';
import { setLinks } from '../../data-access/link.repository';
import { insertProductRow, refreshProduct } from '../../data-access/product.repository';
import { saveVariants } from '../../data-access/variant.repository';
import { insertWithSlug } from '../assign-slug';
import type { CatalogDeps } from '../catalog-deps';
import { inCatalogTx } from '../catalog-tx';
import type { ProductInput } from './product-input';
import { assertLinksExist, assertSkusFree } from './product-guards';
import { recordProductChanged } from './product-events';
import type { ProductView } from './product-view';

/** `POST /api/admin/products`: the product, its variants, links and `product.created` in one transaction. */
export function createProduct(ctx: TenantCtx, deps: CatalogDeps, input: ProductInput): Promise<ProductView> {
  return inCatalogTx(deps, ctx, (tx) => insertProduct(tx, ctx, input));
}

/** The create inside a caller's transaction (bulk and import use it too): version 1. */
export async function insertProduct(
  tx: Queryable,
  ctx: TenantCtx,
  input: ProductInput,
): Promise<ProductView> {
  const tenantId = ctx.tenantId;
  await assertLinksExist(tx, tenantId, input);
  await assertSkusFree(tx, tenantId, input.variants, null);
  const id = newId('prod');
  await insertWithSlug(tx, 'products', tenantId, input, (slug) =>
    insertProductRow(tx, {
      tenantId,
      id,
      slug,
      title: input.title,
      description: input.description ?? '',
      status: input.status ?? 'active',
      seoTitle: input.seo?.title ?? null,
      seoDescription: input.seo?.description ?? null,
      images: input.images ?? [],
      optionNames: input.options ?? [],
      currency: input.variants[0]?.currency ?? 'USD',
    }),
  );
  await saveVariants(tx, tenantId, id, input.variants, new Map());
  if (input.categoryIds?.length) await setLinks(tx, tenantId, id, 'categories', input.categoryIds);
  if (input.collectionIds?.length) await setLinks(tx, tenantId, id, 'collections', input.collectionIds);
  await refreshProduct(tx, tenantId, id);
  return recordProductChanged(tx, ctx, id, PRODUCT_EVENTS.created);
}
