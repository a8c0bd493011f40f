import type { TenantCtx } from '@fleet/context';
import { findStoreProduct, listStoreProducts, type StoreListQuery } from '../../data-access/store.repository';
import type { CatalogDeps } from '../catalog-deps';
import { decodeCursor, encodeCursor, pageOf } from '../cursor';
import { productNotFound } from './product-guards';

/** JSON text built by Postgres, sent as is. */
export type RawJson = string;

export interface RawPage {
  items: RawJson[];
  nextCursor: string | null;
}

export type StoreProductQuery = Omit<StoreListQuery, 'after'> & { cursor?: string };

/**
 * `GET /api/store/products`: active products only, one round trip. The cursor is the last item's
 * sort key and id, tied to the sort that issued it.
 */
export async function storeProductPage(
  ctx: TenantCtx,
  deps: CatalogDeps,
  query: StoreProductQuery,
): Promise<RawPage> {
  const { cursor, ...rest } = query;
  const after = cursor
    ? decodeCursor(query.sort, query.sort === 'newest' ? 'date' : 'int', cursor)
    : undefined;
  const rows = await deps.db.readAsTenant(ctx, (tx) =>
    listStoreProducts(tx, ctx.tenantId, { ...rest, after }),
  );
  const page = pageOf(rows, query.limit, (last) => encodeCursor(query.sort, last.k, last.id));
  return { items: page.items.map((r) => r.item), nextCursor: page.nextCursor };
}

/** `GET /api/store/products/{idOrSlug}`: an active product; anything else (another store's too) is 404. */
export async function storeProduct(ctx: TenantCtx, deps: CatalogDeps, idOrSlug: string): Promise<RawJson> {
  const item = await deps.db.readAsTenant(ctx, (tx) => findStoreProduct(tx, ctx.tenantId, idOrSlug));
  if (item === undefined) throw productNotFound();
  return item;
}
