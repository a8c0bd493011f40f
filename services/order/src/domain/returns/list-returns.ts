import type { TenantCtx } from '@fleet/context';
import type { ReturnStatus } from '@fleet/contracts';
import { decodeKeysetCursor, encodeKeysetCursor, type Queryable } from '@fleet/db';
import { listItems } from '../../data-access/order-lines.repository';
import { findOrder } from '../../data-access/order.repository';
import {
  listReturnLines,
  listReturns,
  listReturnsOfOrder,
  type ReturnRecord,
} from '../../data-access/returns.repository';
import type { OrderDeps } from '../order-deps';
import { returnView, type ReturnView } from './return-view';

const CURSOR = ['id'] as const;

async function viewsOf(tx: Queryable, returns: readonly ReturnRecord[]): Promise<ReturnView[]> {
  const lines = await listReturnLines(
    tx,
    returns.map((r) => r.id),
  );
  const views: ReturnView[] = [];
  for (const r of returns) {
    const order = await findOrder(tx, r.orderId);
    views.push(returnView(r, lines, await listItems(tx, r.orderId), order?.currency ?? ''));
  }
  return views;
}

/** The returns of one order, oldest first (the order views show them). */
export async function returnsOfOrder(tx: Queryable, orderId: string): Promise<ReturnView[]> {
  return viewsOf(tx, await listReturnsOfOrder(tx, orderId));
}

/** The merchant's returns, newest first. */
export function listReturnPage(
  ctx: TenantCtx,
  deps: OrderDeps,
  input: { status?: ReturnStatus; limit: number; cursor?: string },
): Promise<{ items: ReturnView[]; nextCursor: string | null }> {
  const beforeId = input.cursor === undefined ? undefined : decodeKeysetCursor(input.cursor, CURSOR)[0];
  return deps.db.readAsTenant(ctx, async (tx) => {
    const rows = await listReturns(tx, { status: input.status, beforeId, limit: input.limit + 1 });
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    return {
      items: await viewsOf(tx, page),
      nextCursor: rows.length > input.limit && last ? encodeKeysetCursor([last.id]) : null,
    };
  });
}
