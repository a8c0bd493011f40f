import type { TenantCtx } from '@fleet/context';
import { PRODUCT_EVENTS } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { AppError } from '@fleet/errors';
import {
  deleteCategoryRow,
  findCategory,
  hasChildren,
  lockTree,
} from '../../data-access/category.repository';
import { deleteCollectionRow, findCollection } from '../../data-access/collection.repository';
import { lockLinkedProducts, type LinkKind } from '../../data-access/link.repository';
import { bumpVersions } from '../../data-access/product.repository';
import type { CatalogDeps } from '../catalog-deps';
import { inCatalogTx } from '../catalog-tx';
import { categoryNotFound } from './category-view';
import { collectionNotFound } from './collections';
import { recordProductsChanged } from '../products/product-events';

/** `DELETE /api/admin/categories/{id}`: a leaf only; its products lose the link (and are republished). */
export async function deleteCategory(ctx: TenantCtx, deps: CatalogDeps, id: string): Promise<void> {
  await inCatalogTx(deps, ctx, async (tx) => {
    await lockTree(tx, ctx.tenantId);
    if (!(await findCategory(tx, ctx.tenantId, id))) throw categoryNotFound();
    if (await hasChildren(tx, ctx.tenantId, id)) {
      throw new AppError('conflict', 'Move or delete its subcategories first.', {
        code: 'category_has_children',
      });
    }
    await unlinkAndRepublish(tx, ctx, 'categories', id, () => deleteCategoryRow(tx, ctx.tenantId, id));
  });
}

/** `DELETE /api/admin/collections/{id}`. */
export async function deleteCollection(ctx: TenantCtx, deps: CatalogDeps, id: string): Promise<void> {
  await inCatalogTx(deps, ctx, async (tx) => {
    if (!(await findCollection(tx, ctx.tenantId, id))) throw collectionNotFound();
    await unlinkAndRepublish(tx, ctx, 'collections', id, () => deleteCollectionRow(tx, ctx.tenantId, id));
  });
}

/** The linked products' documents change (categoryIds, collectionIds): new versions, new events. */
async function unlinkAndRepublish(
  tx: Queryable,
  ctx: TenantCtx,
  kind: LinkKind,
  id: string,
  remove: () => Promise<void>,
): Promise<void> {
  const productIds = await lockLinkedProducts(tx, ctx.tenantId, kind, id);
  await remove();
  if (!productIds.length) return;
  await bumpVersions(tx, ctx.tenantId, productIds);
  await recordProductsChanged(tx, ctx, productIds, PRODUCT_EVENTS.updated);
}
