import type { TenantCtx } from '@fleet/context';
import { newId } from '@fleet/db';
import { appendToOutbox } from '@fleet/messaging';
import { listHistory, listItems } from '../../data-access/order-lines.repository';
import { insertReturn, listReturnLines, listReturnsOfOrder } from '../../data-access/returns.repository';
import { shopperOwns, type ShopperProof } from '../order-access';
import type { OrderDeps } from '../order-deps';
import { orderNotFound } from '../order-errors';
import { openOrderUnit } from '../order-unit';
import { notReturnable } from './return-errors';
import { returnWindowDays } from './return-settings';
import { returnEvent, returnView, type ReturnView } from './return-view';

const DAY_MS = 86_400_000;

export interface ReturnRequest {
  lines: ReadonlyArray<{ variantId: string; quantity: number }>;
  reason?: string;
}

/**
 * A shopper asks to return delivered units: the order must be delivered (or partly returned),
 * within the store's window from its delivery, and each line at most what was ordered less what
 * other returns (not rejected) already claim. The order's row is locked, so two requests cannot
 * both claim the same units.
 */
export async function requestReturn(
  ctx: TenantCtx,
  deps: OrderDeps,
  orderId: string,
  proof: ShopperProof,
  request: ReturnRequest,
): Promise<ReturnView> {
  return deps.db.withTenant(ctx, async (tx) => {
    const unit = (await openOrderUnit(tx, ctx, orderId))?.unit;
    if (!unit || !shopperOwns(ctx, unit.order, proof)) throw orderNotFound();
    const { order } = unit;
    if (order.status !== 'DELIVERED' && order.status !== 'PARTIALLY_RETURNED') {
      throw notReturnable('Only a delivered order can be returned.', 'order_not_returnable');
    }
    const deliveredAt = (await listHistory(tx, orderId)).find((h) => h.to === 'DELIVERED')?.at;
    const days = await returnWindowDays(tx);
    if (!deliveredAt || Date.now() > deliveredAt.getTime() + days * DAY_MS) {
      throw notReturnable(`Returns are accepted within ${days} days of delivery.`, 'return_window_closed');
    }
    const items = await listItems(tx, orderId);
    const open = (await listReturnsOfOrder(tx, orderId)).filter((r) => r.status !== 'REJECTED');
    const claimed = await listReturnLines(
      tx,
      open.map((r) => r.id),
    );
    const merged = new Map<string, number>();
    for (const line of request.lines)
      merged.set(line.variantId, (merged.get(line.variantId) ?? 0) + line.quantity);
    const errors: Array<{ path: string; message: string }> = [];
    [...merged].forEach(([variantId, quantity]) => {
      const ordered = items.filter((i) => i.variantId === variantId).reduce((s, i) => s + i.quantity, 0);
      const taken = claimed.filter((l) => l.variantId === variantId).reduce((s, l) => s + l.quantity, 0);
      if (quantity > ordered - taken) {
        const index = request.lines.findIndex((l) => l.variantId === variantId);
        errors.push({
          path: `lines.${index}.quantity`,
          message: `at most ${Math.max(0, ordered - taken)} can be returned`,
        });
      }
    });
    if (errors.length) {
      throw notReturnable('Some lines ask for more than can be returned.', 'return_exceeds_order', errors);
    }
    const lines = [...merged].map(([variantId, quantity]) => ({ variantId, quantity }));
    const created = await insertReturn(
      tx,
      ctx.tenantId,
      { id: newId('ret'), orderId, reason: request.reason ?? null },
      lines,
    );
    const view = returnView(
      created,
      lines.map((l) => ({ ...l, returnId: created.id })),
      items,
      order.currency,
    );
    await appendToOutbox(tx, returnEvent(ctx, order, view, created.version));
    return view;
  });
}
