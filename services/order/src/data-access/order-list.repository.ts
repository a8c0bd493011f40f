import type { OrderStatus } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { toOrder, type OrderRecord, type OrderRow } from './order.repository';

export interface OrderListQuery {
  status?: OrderStatus;
  customerId?: string;
  /** Exactly this order (its id, the order number merchants see). */
  id?: string;
  /** Orders whose e-mail starts with this, in any case. */
  emailPrefix?: string;
  limit: number;
  /** Only orders with a smaller id (ids sort by creation time). */
  before?: string;
}

/** Newest first, keyset-paginated on the id; asks for one extra row to know if more follow. */
export async function listOrders(
  tx: Queryable,
  query: OrderListQuery,
): Promise<{ orders: OrderRecord[]; more: boolean }> {
  // Only the filters given, so each list uses its index (status or customer, then id).
  const values: unknown[] = [];
  const where = [
    ['status', query.status],
    ['customer_id', query.customerId],
    ['id', query.id],
  ]
    .filter(([, value]) => value !== undefined)
    .map(([column, value]) => `${column} = $${values.push(value)}`);
  if (query.emailPrefix !== undefined) {
    where.push(`lower(email) LIKE $${values.push(`${likeEscaped(query.emailPrefix.toLowerCase())}%`)}`);
  }
  if (query.before) where.push(`id < $${values.push(query.before)}`);
  const rows = await tx.rows<OrderRow>(
    `SELECT * FROM orders ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY id DESC LIMIT $${values.push(query.limit + 1)}`,
    values,
  );
  return { orders: rows.slice(0, query.limit).map(toOrder), more: rows.length > query.limit };
}

/** `%`, `_` and a backslash typed in a search box match themselves (a backslash is LIKE's escape). */
const likeEscaped = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
