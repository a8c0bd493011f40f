import type { TenantCtx } from '@fleet/context';
import type { Queryable } from '@fleet/db';
import { appendToOutbox } from '@fleet/messaging';
import { ensureDefaultLocation } from '../data-access/location.repository';
import { archiveProductLevels, insertMissingLevels } from '../data-access/stock-admin.repository';
import { levelChangedEvents } from './inventory-events';

export interface ProductStock {
  id: string;
  variants: ReadonlyArray<{ id: string; available: number }>;
}

/**
 * A product was created or updated: variants this service has never seen get a level whose on
 * hand is the stock the merchant typed into the product. Known variants are left alone: after
 * creation inventory is the source of truth. Runs in the inbox's transaction (exactly once).
 */
export async function createLevelsForProduct(ctx: TenantCtx, tx: Queryable, product: ProductStock) {
  if (product.variants.length === 0) return;
  const locationId = await ensureDefaultLocation(tx, ctx.tenantId);
  const unique = new Map(product.variants.map((v) => [v.id, Math.max(0, Math.trunc(v.available))]));
  const created = await insertMissingLevels(
    tx,
    ctx.tenantId,
    locationId,
    product.id,
    [...unique].map(([id, onHand]) => ({ id, onHand })),
  );
  await appendToOutbox(tx, levelChangedEvents(ctx, created));
}

/**
 * A product was deleted: its levels are archived (available 0, never sold again, kept so
 * in-flight reservations still commit or release and a stale product event cannot recreate them).
 */
export async function archiveLevelsOfProduct(ctx: TenantCtx, tx: Queryable, productId: string) {
  const archived = await archiveProductLevels(tx, ctx.tenantId, productId);
  await appendToOutbox(tx, levelChangedEvents(ctx, archived));
}
