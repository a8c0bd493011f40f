import type { Queryable } from '@fleet/db';

/**
 * Records which products an order holds (from `order.placed`); returns the products new to this
 * order (none when the order was recorded before, so co-purchases are counted once).
 */
export async function recordPurchasedItems(
  tx: Queryable,
  tenantId: string,
  orderId: string,
  customerId: string | null,
  productIds: readonly string[],
): Promise<string[]> {
  const rows = await tx.rows<{ product_id: string }>(
    `INSERT INTO purchased_items (tenant_id, order_id, product_id, customer_id)
       SELECT $1, $2, p, $3 FROM unnest($4::text[]) AS p
     ON CONFLICT DO NOTHING RETURNING product_id`,
    [tenantId, orderId, customerId, productIds],
  );
  return rows.map((r) => r.product_id);
}

/** One more order holding each pair of `productIds`, counted in both directions. */
export async function countCoPurchases(
  tx: Queryable,
  tenantId: string,
  productIds: readonly string[],
): Promise<void> {
  if (productIds.length < 2) return;
  await tx.query(
    `INSERT INTO co_purchases (tenant_id, product_id, other_id, orders)
       SELECT $1, a, b, 1 FROM unnest($2::text[]) AS a, unnest($2::text[]) AS b WHERE a <> b
     ON CONFLICT (tenant_id, product_id, other_id) DO UPDATE SET orders = co_purchases.orders + 1`,
    [tenantId, productIds],
  );
}

export async function recordDelivered(tx: Queryable, tenantId: string, orderId: string): Promise<void> {
  await tx.query(
    'INSERT INTO delivered_orders (tenant_id, order_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [tenantId, orderId],
  );
}

/**
 * A pair counts as "bought together" once this many orders held both. One order is one shopper's
 * basket: showing it to every visitor would tell them what that shopper bought, and it says
 * nothing about what goes together.
 */
export const MIN_CO_PURCHASES = 2;

/** The products most often in the same orders as `productId` (at least MIN_CO_PURCHASES), most first. */
export async function boughtTogether(
  tx: Queryable,
  tenantId: string,
  productId: string,
  limit: number,
): Promise<string[]> {
  const rows = await tx.rows<{ other_id: string }>(
    `SELECT other_id FROM co_purchases WHERE tenant_id = $1 AND product_id = $2 AND orders >= $4
      ORDER BY orders DESC, other_id LIMIT $3`,
    [tenantId, productId, limit, MIN_CO_PURCHASES],
  );
  return rows.map((r) => r.other_id);
}
