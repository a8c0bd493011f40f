import type { TenantCtx } from '@fleet/context';
import type { ReturnStatus } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { appendToOutbox } from '@fleet/messaging';
import { listItems, type OrderItemRecord } from '../../data-access/order-lines.repository';
import type { OrderRecord } from '../../data-access/order.repository';
import {
  findReturn,
  listReturnLines,
  listReturnsOfOrder,
  updateReturn,
  type ReturnLineRecord,
  type ReturnRecord,
} from '../../data-access/returns.repository';
import type { OrderDeps } from '../order-deps';
import { openOrderUnit, type OrderUnit } from '../order-unit';
import { returnNotFound } from './return-errors';
import { assertReturnTransition } from './return-state-machine';
import { returnEvent, returnView, type ReturnView } from './return-view';

/** A return with its order locked (order first, as every writer locks), in one transaction. */
export interface ReturnUnit {
  tx: Queryable;
  unit: OrderUnit;
  ret: ReturnRecord;
  lines: ReturnLineRecord[];
  items: OrderItemRecord[];
}

export async function openReturnUnit(tx: Queryable, ctx: TenantCtx, returnId: string): Promise<ReturnUnit> {
  const found = await findReturn(tx, returnId);
  if (!found) throw returnNotFound();
  const unit = (await openOrderUnit(tx, ctx, found.orderId))?.unit;
  const ret = unit && (await findReturn(tx, returnId, true));
  if (!unit || !ret) throw returnNotFound();
  return {
    tx,
    unit,
    ret,
    lines: await listReturnLines(tx, [ret.id]),
    items: await listItems(tx, ret.orderId),
  };
}

/** Moves the return along its table, with its event, in the unit's transaction. */
export async function moveReturn(
  ctx: TenantCtx,
  r: ReturnUnit,
  status: ReturnStatus,
  change: { restock?: boolean; refundAmount?: number; refundId?: string } = {},
): Promise<ReturnView> {
  assertReturnTransition(r.ret.status, status);
  const moved = await updateReturn(r.tx, r.ret.id, { status, ...change });
  const view = returnView(moved, r.lines, r.items, r.unit.order.currency);
  await appendToOutbox(r.tx, returnEvent(ctx, r.unit.order, view, moved.version));
  return view;
}

const goodsValue = (lines: readonly ReturnLineRecord[], items: readonly OrderItemRecord[]): number =>
  lines.reduce(
    (sum, l) => sum + l.quantity * (items.find((i) => i.variantId === l.variantId)?.unitPrice ?? 0),
    0,
  );

/**
 * What a received return refunds: its units' prices plus their share of the order's tax
 * (rounded down); the return that brings the last unit back carries the rest of the tax, so a
 * fully returned order refunds exactly subtotal + tax. Shipping is not refunded.
 */
async function refundAmountOf(tx: Queryable, order: OrderRecord, r: ReturnUnit): Promise<number> {
  const others = (await listReturnsOfOrder(tx, order.id)).filter(
    (o) => o.id !== r.ret.id && (o.status === 'RECEIVED' || o.status === 'REFUNDED'),
  );
  const otherLines = await listReturnLines(
    tx,
    others.map((o) => o.id),
  );
  const goods = goodsValue(r.lines, r.items);
  const units = (lines: readonly { quantity: number }[]) => lines.reduce((s, l) => s + l.quantity, 0);
  const last = units(otherLines) + units(r.lines) >= units(r.items);
  if (!last) return goods + Math.floor((order.tax * goods) / Math.max(1, order.subtotal));
  const otherTax = others.reduce(
    (sum, o) =>
      sum +
      (o.refundAmount ?? 0) -
      goodsValue(
        otherLines.filter((l) => l.returnId === o.id),
        r.items,
      ),
    0,
  );
  return goods + order.tax - otherTax;
}

/** The merchant accepts or rejects a requested return. */
export function decideReturn(
  ctx: TenantCtx,
  deps: OrderDeps,
  returnId: string,
  status: 'ACCEPTED' | 'REJECTED',
): Promise<ReturnView> {
  return deps.db.withTenant(ctx, async (tx) =>
    moveReturn(ctx, await openReturnUnit(tx, ctx, returnId), status),
  );
}

/**
 * The parcel arrived: the refund amount is fixed now, and `order.return_received` tells
 * inventory whether to put the units back on the shelf (its inbox applies it once).
 */
export function receiveReturn(
  ctx: TenantCtx,
  deps: OrderDeps,
  returnId: string,
  restock: boolean,
): Promise<ReturnView> {
  return deps.db.withTenant(ctx, async (tx) => {
    const r = await openReturnUnit(tx, ctx, returnId);
    assertReturnTransition(r.ret.status, 'RECEIVED');
    const refundAmount = await refundAmountOf(tx, r.unit.order, r);
    return moveReturn(ctx, r, 'RECEIVED', { restock, refundAmount });
  });
}
