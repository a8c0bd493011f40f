import type { TenantCtx } from '@fleet/context';
import { PRODUCT_EVENTS } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { isStale } from '@fleet/messaging';
import {
  lockProductOfVariant,
  readAvailability,
  writeAvailability,
} from '../data-access/availability.repository';
import { refreshProduct } from '../data-access/product.repository';
import { recordProductChanged } from './product-events';

/** Sellable units of one variant as the inventory service last reported them. */
export interface LevelChange {
  variantId: string;
  available: number;
  /** The inventory level's version; older or equal versions than the last applied are dropped. */
  version?: number;
}

export type AvailabilityOutcome = 'applied' | 'unchanged' | 'stale' | 'unknown_variant';

/**
 * Updates the availability read model from an inventory event, in the consumer's transaction.
 * When the units change, the product's summary (`available`) is recomputed, its version bumped
 * and `product.updated` written, so search and caches see stock changes like any other change.
 * The product row is locked first, as every writer of a product does.
 */
export async function applyAvailability(
  tx: Queryable,
  ctx: TenantCtx,
  change: LevelChange,
): Promise<AvailabilityOutcome> {
  const tenantId = ctx.tenantId;
  const productId = await lockProductOfVariant(tx, tenantId, change.variantId);
  if (!productId) return 'unknown_variant';
  const current = await readAvailability(tx, tenantId, change.variantId);
  if (!current) return 'unknown_variant';
  if (isStale(current.source_version, change)) return 'stale';
  const available = Math.max(0, change.available);
  await writeAvailability(tx, tenantId, change.variantId, available, change.version ?? null);
  if (current.available === available) return 'unchanged';
  await refreshProduct(tx, tenantId, productId);
  await recordProductChanged(tx, ctx, productId, PRODUCT_EVENTS.updated);
  return 'applied';
}
