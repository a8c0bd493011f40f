import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import type { OrderRecord } from '../data-access/order.repository';
import type { OrderDeps } from './order-deps';
import { orderNotFound } from './order-errors';
import { openOrderUnit } from './order-unit';

/** PLACED -> FULFILLED (order.fulfilled), only once inventory confirmed the units are sold. */
export async function fulfillOrder(
  ctx: TenantCtx,
  deps: OrderDeps,
  orderId: string,
  carrier: string | undefined,
): Promise<OrderRecord> {
  return deps.db.withTenant(ctx, async (tx) => {
    const opened = await openOrderUnit(tx, ctx, orderId);
    if (!opened) throw orderNotFound();
    const { unit } = opened;
    if (unit.order.status === 'PLACED' && !opened.stockCommitted) {
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
