import type { TenantCtx } from '@fleet/context';
import { PRODUCT_EVENTS, type ProductChanged, type ProductDeleted } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { appendToOutbox, createEnvelope } from '@fleet/messaging';
import { loadDocuments } from '../../data-access/document.repository';
import type { ProductView } from './product-view';

/**
 * Writes `product.created` / `product.updated` with the whole document, in the caller's
 * transaction, after the product rows were locked and their versions bumped: the only way catalog
 * publishes. Returns the documents (what the API answers).
 */
export async function recordProductsChanged(
  tx: Queryable,
  ctx: TenantCtx,
  ids: readonly string[],
  type: typeof PRODUCT_EVENTS.created | typeof PRODUCT_EVENTS.updated,
): Promise<ProductView[]> {
  const docs = await loadDocuments(tx, ctx.tenantId, ids);
  await appendToOutbox(
    tx,
    docs.map((product) =>
      createEnvelope<ProductChanged>(ctx, {
        type,
        aggregateId: product.id,
        version: product.version,
        data: { product },
      }),
    ),
  );
  return docs;
}

export async function recordProductChanged(
  tx: Queryable,
  ctx: TenantCtx,
  id: string,
  type: typeof PRODUCT_EVENTS.created | typeof PRODUCT_EVENTS.updated,
): Promise<ProductView> {
  const [doc] = await recordProductsChanged(tx, ctx, [id], type);
  if (!doc) throw new Error(`product ${id} not found after writing it`);
  return doc;
}

export async function recordProductDeleted(
  tx: Queryable,
  ctx: TenantCtx,
  deleted: ProductDeleted,
): Promise<void> {
  await appendToOutbox(
    tx,
    createEnvelope<ProductDeleted>(ctx, {
      type: PRODUCT_EVENTS.deleted,
      aggregateId: deleted.id,
      version: deleted.version,
      data: deleted,
    }),
  );
}
