import type { TenantCtx } from '@fleet/context';
import { PRODUCT_EVENTS } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { refreshProductLater } from '../../data-access/product.repository';
import { writeRating, type RatingChange } from '../../data-access/rating.repository';
import { recordProductChanged } from './product-events';

/**
 * Keeps engagement's rating summary on the product, in the consumer's transaction: the product's
 * card and version are refreshed and `product.updated` carries the rating to search. A summary
 * of an unknown product, or older than the one stored, changes nothing (false).
 */
export async function applyRating(tx: Queryable, ctx: TenantCtx, change: RatingChange): Promise<boolean> {
  if (!(await writeRating(tx, ctx.tenantId, change))) return false;
  refreshProductLater(tx, ctx.tenantId, change.productId);
  await recordProductChanged(tx, ctx, change.productId, PRODUCT_EVENTS.updated);
  return true;
}
