import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { listItems } from '../../data-access/order-lines.repository';
import { findOrder } from '../../data-access/order.repository';
import { findReturn, listReturnLines, listReturnsOfOrder } from '../../data-access/returns.repository';
import type { OrderDeps } from '../order-deps';
import { moveReturn, openReturnUnit } from './decide-return';
import { returnNotFound } from './return-errors';
import { assertReturnTransition } from './return-state-machine';
import { returnView, type ReturnView } from './return-view';

/**
 * Refunds a received return through the order's payment (its provider's refund, the same path as
 * the merchant's refund; keyed by the return, so a retry never pays twice), then marks it
 * REFUNDED and moves the order: RETURNED once every unit came back refunded, else
 * PARTIALLY_RETURNED. A repeat of a refunded return answers it as it is.
 */
export async function refundReturn(ctx: TenantCtx, deps: OrderDeps, returnId: string): Promise<ReturnView> {
  const { ret, order } = await deps.db.readAsTenant(ctx, async (tx) => {
    const found = await findReturn(tx, returnId);
    return { ret: found, order: found && (await findOrder(tx, found.orderId)) };
  });
  if (!ret || !order) throw returnNotFound();
  if (ret.status === 'REFUNDED') return readReturn(ctx, deps, returnId);
  assertReturnTransition(ret.status, 'REFUNDED');
  const amount = ret.refundAmount ?? 0;
  let refundId: string | undefined;
  if (amount > 0) {
    if (!order.paymentId) {
      throw new AppError('conflict', 'This order has no payment to refund.', {
        code: 'order_not_refundable',
      });
    }
    const key = `${order.id}:return:${ret.id}`;
    const result = await deps.payment.refund(ctx, order.paymentId, { amount, reason: 'return' }, key);
    if (!result.ok) {
      if (result.kind === 'unavailable') {
        throw new AppError('unavailable', 'Payments are unavailable; retry the refund.', {
          code: 'payment_unavailable',
          retryAfter: 2,
        });
      }
      throw new AppError('business_rule', result.problem.detail, {
        code: result.problem.code,
      });
    }
    refundId = result.body.refundId ?? result.body.id;
  }
  return deps.db.withTenant(ctx, async (tx) => {
    const r = await openReturnUnit(tx, ctx, returnId);
    if (r.ret.status === 'REFUNDED') return returnView(r.ret, r.lines, r.items, r.unit.order.currency);
    const view = await moveReturn(ctx, r, 'REFUNDED', refundId ? { refundId } : {});
    const refunded = (await listReturnsOfOrder(tx, r.unit.order.id)).filter((x) => x.status === 'REFUNDED');
    const back = (
      await listReturnLines(
        tx,
        refunded.map((x) => x.id),
      )
    ).reduce((s, l) => s + l.quantity, 0);
    const sold = r.items.reduce((s, i) => s + i.quantity, 0);
    const next = back >= sold ? 'RETURNED' : 'PARTIALLY_RETURNED';
    if (r.unit.order.status !== next) await r.unit.transition(next, `return ${returnId} refunded`);
    return view;
  });
}

export function readReturn(ctx: TenantCtx, deps: OrderDeps, returnId: string): Promise<ReturnView> {
  return deps.db.readAsTenant(ctx, async (tx) => {
    const ret = await findReturn(tx, returnId);
    const order = ret && (await findOrder(tx, ret.orderId));
    if (!ret || !order) throw returnNotFound();
    return returnView(
      ret,
      await listReturnLines(tx, [ret.id]),
      await listItems(tx, ret.orderId),
      order.currency,
    );
  });
}
