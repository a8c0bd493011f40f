import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import type { OrderRecord } from '../data-access/order.repository';
import { openSagaUnit } from '../saga/saga-unit';
import type { OrderDeps } from './order-deps';
import { orderNotFound } from './order-errors';

/** PLACED -> FULFILLED (order.fulfilled), only once inventory confirmed the units are sold. */
export async function fulfillOrder(
  ctx: TenantCtx,
  deps: OrderDeps,
  orderId: string,
  carrier: string | undefined,
): Promise<OrderRecord> {
  return deps.db.withTenant(ctx, async (tx) => {
    const unit = await openSagaUnit(tx, ctx, orderId);
    if (!unit) throw orderNotFound();
    if (unit.order.status === 'PLACED' && !unit.data.committed) {
      throw new AppError('conflict', 'The stock of this order is not confirmed yet; try again shortly.', {
        code: 'order_not_ready',
        retryAfter: 2,
      });
    }
    if (carrier !== undefined) await unit.recordFacts({ carrier });
    await unit.transition('FULFILLED', carrier ? `carrier:${carrier}` : 'fulfilled');
    return unit.order;
  });
}
