import type { TenantCtx } from '@fleet/context';
import { PRODUCT_EVENTS } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { isStale } from '@fleet/messaging';
import {
  lockProductOfVariant,
  readAvailability,
  writeAvailability,
} from '../../data-access/availability.repository';
import { refreshProductLater } from '../../data-access/product.repository';
import { recordProductChanged } from './product-events';

/** Sellable units of one variant as the inventory service last reported them. */
export interface LevelChange {
  variantId: string;
  available: number;
  /** The inventory level's version; older or equal versions than the last applied are dropped. */
  version?: number;
}

/**
 * `republished`: the variant became sellable or stopped being sellable; the product was
 * refreshed and `product.updated` written. `refreshed`: only the unit count moved; the product
 * row and its storefront card were refreshed, no event written. `unchanged`: same units.
 */
export type AvailabilityOutcome = 'republished' | 'refreshed' | 'unchanged' | 'stale' | 'unknown_variant';

/**
 * Updates the availability read model from an inventory event, in the consumer's transaction.
 * When the units change, the product row is refreshed (its summary, its storefront card with the
 * exact counts, and its version). `product.updated` is written only when the variant's sellable
 * state flips (units > 0 before vs after): its consumers read no more than that of stock (search
 * indexes the product's `available`, inventory reads variants only to create missing levels), and
 * every order moves the units, so a full document per order cost three transactions for nothing.
 * The version gap this leaves is harmless: consumers drop versions not newer than the last
 * applied (`isStale`), they do not expect consecutive ones. The product row is locked first, as
 * every writer of a product does. Round trips, with the inbox row: lock and read in one, the
 * writes with COMMIT in another.
 */
export async function applyAvailability(
  tx: Queryable,
  ctx: TenantCtx,
  change: LevelChange,
): Promise<AvailabilityOutcome> {
  const tenantId = ctx.tenantId;
  lockProductOfVariant(tx, tenantId, change.variantId);
  const current = await readAvailability(tx, tenantId, change.variantId);
  if (!current) return 'unknown_variant';
  const productId = current.product_id;
  if (isStale(current.source_version, change)) return 'stale';
  const available = Math.max(0, change.available);
  await writeAvailability(tx, tenantId, change.variantId, available, change.version ?? null);
  if (current.available === available) return 'unchanged';
  refreshProductLater(tx, tenantId, productId);
  if (isSellable(current.available) === isSellable(available)) return 'refreshed';
  await recordProductChanged(tx, ctx, productId, PRODUCT_EVENTS.updated);
  return 'republished';
}

/** A variant can be bought when it has units; no availability row yet counts as none. */
const isSellable = (units: number | null): boolean => (units ?? 0) > 0;
