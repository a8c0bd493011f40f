import type { TenantCtx } from '@fleet/context';
import type { Queryable } from '@fleet/db';
import { countCoPurchases, recordDelivered, recordPurchasedItems } from '../data-access/purchase.repository';

/** An order counts towards "bought together" with at most this many distinct products. */
export const MAX_PRODUCTS_PER_ORDER = 50;

export interface PlacedOrder {
  orderId: string;
  customerId: string | null;
  items: ReadonlyArray<{ productId: string }>;
}

/** `order.placed`: who bought what (verified reviews) and which products went together. */
export async function recordPlacedOrder(tx: Queryable, ctx: TenantCtx, order: PlacedOrder): Promise<void> {
  const productIds = [...new Set(order.items.map((i) => i.productId))].slice(0, MAX_PRODUCTS_PER_ORDER);
  const fresh = await recordPurchasedItems(tx, ctx.tenantId, order.orderId, order.customerId, productIds);
  await countCoPurchases(tx, ctx.tenantId, fresh);
}

/** `order.delivered`: the order's reviews by its customer become verified purchases. */
export function recordDeliveredOrder(tx: Queryable, ctx: TenantCtx, orderId: string): Promise<void> {
  return recordDelivered(tx, ctx.tenantId, orderId);
}
