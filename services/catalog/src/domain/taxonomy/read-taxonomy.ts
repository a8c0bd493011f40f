import type { TenantCtx } from '@fleet/context';
import { allCategories, listCategories } from '../../data-access/category.repository';
import { listCollections } from '../../data-access/collection.repository';
import type { CatalogDeps } from '../catalog-deps';
import { toCategoryView, toTree, type CategoryNode, type CategoryView } from './category-view';
import type { CollectionView } from './collections';
import { decodeCursor, encodeCursor, pageOf } from '../cursor';
import type { Page } from '../products/read-products';

/** `GET /api/admin/categories`: flat, in creation order, paged. */
export async function listCategoryPage(
  ctx: TenantCtx,
  deps: CatalogDeps,
  query: { limit: number; cursor?: string },
): Promise<Page<CategoryView>> {
  const after = query.cursor ? decodeCursor('categories', 'none', query.cursor).id : null;
  const rows = await deps.db.readAsTenant(ctx, (tx) => listCategories(tx, ctx.tenantId, after, query.limit));
  const page = pageOf(rows, query.limit, (last) => encodeCursor('categories', null, last.id));
  return { items: page.items.map(toCategoryView), nextCursor: page.nextCursor };
}

/** `GET /api/store/categories`: the whole tree in one piece (a store has at most MAX_CATEGORIES). */
export async function categoryTree(ctx: TenantCtx, deps: CatalogDeps): Promise<Page<CategoryNode>> {
  const rows = await deps.db.readAsTenant(ctx, (tx) => allCategories(tx, ctx.tenantId));
  return { items: toTree(rows), nextCursor: null };
}

/** `GET /api/admin/collections` and `GET /api/store/collections`: in creation order, paged. */
export async function listCollectionPage(
  ctx: TenantCtx,
  deps: CatalogDeps,
  query: { limit: number; cursor?: string },
): Promise<Page<CollectionView>> {
  const after = query.cursor ? decodeCursor('collections', 'none', query.cursor).id : null;
  const rows = await deps.db.readAsTenant(ctx, (tx) => listCollections(tx, ctx.tenantId, after, query.limit));
  return pageOf(rows, query.limit, (last) => encodeCursor('collections', null, last.id));
}
