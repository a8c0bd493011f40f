import type { TenantCtx } from '@fleet/context';
import type { OrderStatus } from '@fleet/contracts';
import { validationError } from '@fleet/errors';
import { listOrders } from '../data-access/order-list.repository';
import type { OrderRecord } from '../data-access/order.repository';
import type { OrderDeps } from './order-deps';

export interface OrderPage {
  orders: OrderRecord[];
  nextCursor: string | null;
}

/** Newest first; the cursor is the last id of the page, opaque to clients. */
export async function listOrderPage(
  ctx: TenantCtx,
  deps: OrderDeps,
  query: { status?: OrderStatus; customerId?: string; q?: string; limit: number; cursor?: string },
): Promise<OrderPage> {
  const before = query.cursor ? decodeCursor(query.cursor) : undefined;
  const { orders, more } = await deps.db.readAsTenant(ctx, (tx) =>
    listOrders(tx, {
      status: query.status,
      customerId: query.customerId,
      ...searchOf(query.q),
      limit: query.limit,
      before,
    }),
  );
  const last = orders.at(-1);
  return { orders, nextCursor: more && last ? encodeCursor(last.id) : null };
}

/** `q` is an order number when it has the shape of one, else the start of an e-mail address. */
function searchOf(q: string | undefined): { id?: string; emailPrefix?: string } {
  if (q === undefined) return {};
  const lower = q.toLowerCase();
  return ORDER_ID.test(lower) ? { id: lower } : { emailPrefix: lower };
}

const ORDER_ID = /^ord_[0-9a-z]{26}$/;

const encodeCursor = (id: string): string => Buffer.from(id, 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!ORDER_ID.test(id)) {
    throw validationError(
      [{ path: ['cursor'], message: 'is not a cursor of this list' }],
      'The query string is invalid.',
    );
  }
  return id;
}
