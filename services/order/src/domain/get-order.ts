import type { TenantCtx } from '@fleet/context';
import {
  listHistory,
  listItems,
  type OrderItemRecord,
  type StatusChangeRecord,
} from '../data-access/order-lines.repository';
import { findOrder, type OrderRecord } from '../data-access/order.repository';
import { listOrderShipments, type OrderShipmentRecord } from '../data-access/order-shipments.repository';
import { returnsOfOrder } from './returns/list-returns';
import type { ReturnView } from './returns/return-view';
import { findSaga } from '../data-access/saga.repository';
import type { RefundView } from '@fleet/contracts';
import { shopperOwns, type ShopperProof } from './order-access';
import type { OrderDeps } from './order-deps';
import { orderNotFound } from './order-errors';

/** The saga's row as the repository reads it (the merchant's view shows it). */
type SagaState = NonNullable<Awaited<ReturnType<typeof findSaga>>>;

export interface OrderDetail {
  order: OrderRecord;
  items: OrderItemRecord[];
  history: StatusChangeRecord[];
  /** The order's parcels as the shipment service's events told them (oldest first). */
  shipments: OrderShipmentRecord[];
  /** Its returns, oldest first. */
  returns: ReturnView[];
  saga?: SagaState;
  /**
   * The payment's refunds as payment tells them (merchant view only): a failed one carries its
   * `failureReason`. Null when payment could not be asked just now (the rest of the view stands).
   */
  refunds?: RefundView[] | null;
}

/** The shopper's view: only with the guest token or as the order's customer (else 404). */
export async function getShopperOrder(
  ctx: TenantCtx,
  deps: OrderDeps,
  orderId: string,
  proof: ShopperProof,
): Promise<OrderDetail> {
  return deps.db.readAsTenant(ctx, async (tx) => {
    const order = await findOrder(tx, orderId);
    if (!order || !shopperOwns(ctx, order, proof)) throw orderNotFound();
    return {
      order,
      items: await listItems(tx, orderId),
      history: await listHistory(tx, orderId),
      shipments: await listOrderShipments(tx, orderId),
      returns: await returnsOfOrder(tx, orderId),
    };
  });
}

/** The merchant's view, with the saga's progress and the payment's refunds (asked of payment). */
export async function getMerchantOrder(
  ctx: TenantCtx,
  deps: OrderDeps,
  orderId: string,
): Promise<OrderDetail> {
  const detail = await readMerchantOrder(ctx, deps, orderId);
  if (!detail.order.paymentId) return detail;
  const payment = await deps.payment.get(ctx, detail.order.paymentId);
  return { ...detail, refunds: payment.ok ? (payment.body.refunds ?? []) : null };
}

function readMerchantOrder(ctx: TenantCtx, deps: OrderDeps, orderId: string): Promise<OrderDetail> {
  return deps.db.readAsTenant(ctx, async (tx) => {
    const order = await findOrder(tx, orderId);
    if (!order) throw orderNotFound();
    const [items, history, shipments, returns, saga] = [
      await listItems(tx, orderId),
      await listHistory(tx, orderId),
      await listOrderShipments(tx, orderId),
      await returnsOfOrder(tx, orderId),
      await findSaga(tx, orderId),
    ];
    return { order, items, history, shipments, returns, ...(saga ? { saga } : {}) };
  });
}
