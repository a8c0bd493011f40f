import type { OrderStatus } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { toOrder, type OrderRecord, type OrderRow } from './order.repository';

export interface OrderListQuery {
  status?: OrderStatus;
  customerId?: string;
  limit: number;
  /** Only orders with a smaller id (ids sort by creation time). */
  before?: string;
}

/** Newest first, keyset-paginated on the id; asks for one extra row to know if more follow. */
export async function listOrders(
  tx: Queryable,
  query: OrderListQuery,
): Promise<{ orders: OrderRecord[]; more: boolean }> {
  const rows = await tx.rows<OrderRow>(
    `SELECT * FROM orders
      WHERE ($1::text IS NULL OR status = $1)
        AND ($2::text IS NULL OR customer_id = $2)
        AND ($3::text IS NULL OR id < $3)
      ORDER BY id DESC
      LIMIT $4`,
    [query.status ?? null, query.customerId ?? null, query.before ?? null, query.limit + 1],
  );
  return { orders: rows.slice(0, query.limit).map(toOrder), more: rows.length > query.limit };
}
