import type { Recommendation } from '@fleet/api-contract';
import type { TenantCtx } from '@fleet/context';
import { boughtTogether } from '../data-access/purchase.repository';
import { isProductId, productNotFound } from './customer';
import type { EngagementDeps } from './engagement-deps';
import { cardOf } from './product-card';

/**
 * "Bought together" first (co-purchase counts of this store, most orders first), then "similar"
 * (same category) to fill up to `limit`; only active products of this store, never the product
 * itself, each once. An unknown (or another store's) product is a 404.
 */
export async function recommend(
  ctx: TenantCtx,
  deps: EngagementDeps,
  productId: string,
  limit: number,
): Promise<{ items: Recommendation[] }> {
  if (!isProductId(productId)) throw productNotFound();
  // Read a few more than needed: some may no longer be sold.
  const together = await deps.db.readAsTenant(ctx, (tx) =>
    boughtTogether(tx, ctx.tenantId, productId, limit * 2),
  );
  const cards = new Map((await deps.catalog.cards(ctx, [productId, ...together])).map((c) => [c.id, c]));
  if (!cards.has(productId)) throw productNotFound();
  const items: Recommendation[] = [];
  const seen = new Set([productId]);
  for (const id of together) {
    const card = cards.get(id);
    if (!card || seen.has(id) || items.length >= limit) continue;
    seen.add(id);
    items.push({ ...cardOf(card), reason: 'bought_together' });
  }
  if (items.length < limit) {
    for (const card of await deps.catalog.similar(ctx, productId, limit + items.length)) {
      if (seen.has(card.id) || items.length >= limit) continue;
      seen.add(card.id);
      items.push({ ...cardOf(card), reason: 'similar' });
    }
  }
  return { items };
}
