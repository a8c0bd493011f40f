import type { TenantCtx } from '@fleet/context';
import { documentsAfter, listDocuments, loadDocuments } from '../../data-access/document.repository';
import type { CatalogDeps } from '../catalog-deps';
import { decodeCursor, encodeCursor, pageOf } from '../cursor';
import { productNotFound } from './product-guards';
import type { ProductView } from './product-view';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** `GET /api/admin/products/{id}`: any status. */
export async function getProduct(ctx: TenantCtx, deps: CatalogDeps, id: string): Promise<ProductView> {
  const [doc] = await deps.db.readAsTenant(ctx, (tx) => loadDocuments(tx, ctx.tenantId, [id]));
  if (!doc) throw productNotFound();
  return doc;
}

/** `GET /api/admin/products`: newest first, filtered by status and a text. */
export async function listProducts(
  ctx: TenantCtx,
  deps: CatalogDeps,
  query: { status?: string; q?: string; limit: number; cursor?: string },
): Promise<Page<ProductView>> {
  const after = query.cursor ? decodeCursor('admin', 'date', query.cursor) : undefined;
  const rows = await deps.db.readAsTenant(ctx, (tx) =>
    listDocuments(tx, ctx.tenantId, { ...query, after: after && { createdAt: after.key, id: after.id } }),
  );
  const page = pageOf(rows, query.limit, (last) =>
    encodeCursor('admin', last.created_at.toISOString(), last.id),
  );
  return { items: page.items.map((r) => r.doc), nextCursor: page.nextCursor };
}

/** `GET /internal/products`: every product document of the tenant, in id order (search's reindex). */
export async function exportProducts(
  ctx: TenantCtx,
  deps: CatalogDeps,
  query: { limit: number; cursor?: string },
): Promise<Page<ProductView>> {
  const after = query.cursor ? decodeCursor('export', 'none', query.cursor).id : null;
  const rows = await deps.db.readAsTenant(ctx, (tx) => documentsAfter(tx, ctx.tenantId, after, query.limit));
  const page = pageOf(rows, query.limit, (last) => encodeCursor('export', null, last.id));
  return { items: page.items.map((r) => r.doc), nextCursor: page.nextCursor };
}
