import type { OrderLine, OrderStatus } from '@fleet/contracts';
import { prepared, type Queryable } from '@fleet/db';

/** An order's line as stored: the line checkout sent (`OrderLine` of @fleet/contracts). */
export type OrderItemRecord = OrderLine;

export interface StatusChangeRecord {
  from: OrderStatus | null;
  to: OrderStatus;
  reason: string | null;
  at: Date;
}

/** All lines in one statement, numbered in request order. */
export async function insertItems(
  tx: Queryable,
  tenantId: string,
  orderId: string,
  items: readonly OrderItemRecord[],
): Promise<void> {
  tx.defer(
    prepared(
      'order_insert_items',
      `INSERT INTO order_items (tenant_id, order_id, line, variant_id, product_id, sku, title, unit_price, quantity)
     SELECT $1, $2, n, i->>'variantId', i->>'productId', i->>'sku', i->>'title',
            (i->>'unitPrice')::bigint, (i->>'quantity')::int
       FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS lines(i, n)`,
    ),
    [tenantId, orderId, JSON.stringify(items)],
  );
}

export async function listItems(tx: Queryable, orderId: string): Promise<OrderItemRecord[]> {
  const rows = await tx.rows<{
    variant_id: string;
    product_id: string;
    sku: string;
    title: string;
    unit_price: string;
    quantity: number;
  }>(prepared('order_list_items', 'SELECT * FROM order_items WHERE order_id = $1 ORDER BY line'), [orderId]);
  return rows.map((r) => ({
    variantId: r.variant_id,
    productId: r.product_id,
    sku: r.sku,
    title: r.title,
    unitPrice: Number(r.unit_price),
    quantity: r.quantity,
  }));
}

/** Appends the next history entry of the order (the caller holds the order's row lock). */
export async function appendHistory(
  tx: Queryable,
  tenantId: string,
  orderId: string,
  change: { from: OrderStatus | null; to: OrderStatus; reason: string | null },
): Promise<void> {
  tx.defer(
    prepared(
      'order_append_history',
      `INSERT INTO order_status_history (tenant_id, order_id, seq, from_status, to_status, reason)
     SELECT $1, $2, COALESCE(max(seq), 0) + 1, $3, $4, $5 FROM order_status_history WHERE order_id = $2`,
    ),
    [tenantId, orderId, change.from, change.to, change.reason],
  );
}

export async function listHistory(tx: Queryable, orderId: string): Promise<StatusChangeRecord[]> {
  const rows = await tx.rows<{
    from_status: OrderStatus | null;
    to_status: OrderStatus;
    reason: string | null;
    at: Date;
  }>('SELECT from_status, to_status, reason, at FROM order_status_history WHERE order_id = $1 ORDER BY seq', [
    orderId,
  ]);
  return rows.map((r) => ({ from: r.from_status, to: r.to_status, reason: r.reason, at: r.at }));
}
