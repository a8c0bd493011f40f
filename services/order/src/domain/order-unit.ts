import type { TenantCtx } from '@fleet/context';
import type { OrderStatus } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { appendToOutbox } from '@fleet/messaging';
import { appendHistory, listItems } from '../data-access/order-lines.repository';
import { lockOrderAndSaga } from '../data-access/order-saga-lock.repository';
import {
  recordFactsLater,
  updateStatusLater,
  type OrderFacts,
  type OrderRecord,
} from '../data-access/order.repository';
import { orderStatusEvent, type ShipmentTracking } from './order-events';
import { assertTransition } from './order-state-machine';

/** Events whose data lists the items (stock and notifications need them). */
const WITH_ITEMS: ReadonlySet<OrderStatus> = new Set(['PENDING', 'PLACED', 'CANCELLED']);

/**
 * One transaction's view of a locked order: every change of an order goes through here (the
 * saga's unit extends it with the saga's row). A status move writes history + an outbox event +
 * bumps the version. The order's updates are deferred (they travel with the next statement or
 * COMMIT) and `order` is kept as the row will read: it is locked, and `txNow` is what they write
 * as `updated_at`.
 */
export class OrderUnit {
  constructor(
    readonly tx: Queryable,
    readonly ctx: TenantCtx,
    public order: OrderRecord,
    readonly txNow: Date,
  ) {}

  /**
   * Moves the order along the transition table, with history and event, in this transaction.
   * `tracking` joins the event's data (order.shipped and order.delivered from a shipment).
   */
  async transition(to: OrderStatus, reason: string, tracking?: ShipmentTracking): Promise<void> {
    const from = this.order.status;
    assertTransition(from, to);
    this.order = updateStatusLater(this.tx, this.order, to, reason, this.txNow);
    await appendHistory(this.tx, this.ctx.tenantId, this.order.id, { from, to, reason });
    const items = WITH_ITEMS.has(to) ? await listItems(this.tx, this.order.id) : undefined;
    await appendToOutbox(this.tx, orderStatusEvent(this.ctx, this.order, from, items, tracking));
  }

  async recordFacts(facts: OrderFacts): Promise<void> {
    this.order = recordFactsLater(this.tx, this.order, facts, this.txNow);
  }
}

/**
 * Locks the order and its saga (order first, as every writer does; one round trip), for a change
 * that is not the saga's. `stockCommitted`: inventory confirmed the order's units are sold.
 * Undefined when this tenant has no such order.
 */
export async function openOrderUnit(
  tx: Queryable,
  ctx: TenantCtx,
  orderId: string,
): Promise<{ unit: OrderUnit; stockCommitted: boolean } | undefined> {
  const locked = await lockOrderAndSaga(tx, orderId);
  if (!locked) return undefined;
  const unit = new OrderUnit(tx, ctx, locked.order, locked.txNow);
  return { unit, stockCommitted: locked.saga.data.committed === true };
}
