import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import type { OrderRecord } from '../data-access/order.repository';
import { startCancel } from './compensation';
import { driveSaga } from './orchestrator';
import { openSagaUnit } from './saga-unit';
import type { OrderDeps } from '../domain/order-deps';
import { orderNotFound } from '../domain/order-errors';
import { CANCELLABLE } from '../domain/order-state-machine';

/**
 * PENDING|PLACED -> CANCEL_REQUESTED (order.cancel_requested), then the saga gives the stock back
 * (release a reservation, restock a committed sale) and refunds captured money; CANCELLED once
 * both are confirmed. Asking again while that runs (or after) answers the same: a lost 202 may be
 * retried. Anything else is 409 `order_not_cancellable`.
 */
export async function requestCancel(
  ctx: TenantCtx,
  deps: OrderDeps,
  orderId: string,
  request: { reason: string; allowed: (order: OrderRecord) => boolean },
): Promise<OrderRecord> {
  const order = await deps.db.withTenant(ctx, async (tx) => {
    const unit = await openSagaUnit(tx, ctx, orderId);
    if (!unit || !request.allowed(unit.order)) throw orderNotFound();
    const status = unit.order.status;
    if (status === 'CANCEL_REQUESTED' || status === 'CANCELLED') return unit.order;
    if (!CANCELLABLE.has(status)) {
      throw new AppError('conflict', `An order that is ${status} cannot be cancelled.`, {
        code: 'order_not_cancellable',
      });
    }
    const stock = status === 'PLACED' && unit.data.committed ? 'restock' : 'release';
    await startCancel(unit, { reason: request.reason, stock });
    await unit.save();
    return unit.order;
  });
  driveSaga(ctx, deps, orderId).catch((err: unknown) =>
    deps.logger.warn({ err, orderId }, 'cancel continues in the recovery job'),
  );
  return order;
}
