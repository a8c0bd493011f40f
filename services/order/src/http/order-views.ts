import type { OrderItemRecord, StatusChangeRecord } from '../data-access/order-lines.repository';
import type { OrderRecord } from '../data-access/order.repository';
import type { OrderDetail } from '../domain/get-order';

const itemView = (i: OrderItemRecord) => ({ ...i, lineTotal: i.unitPrice * i.quantity });

const historyView = (h: StatusChangeRecord) => ({
  from: h.from,
  to: h.to,
  reason: h.reason,
  at: h.at.toISOString(),
});

/** A row of a list (shopper's or merchant's). */
export function orderSummary(order: OrderRecord) {
  return {
    id: order.id,
    status: order.status,
    total: order.total,
    currency: order.currency,
    test: order.test,
    createdAt: order.createdAt.toISOString(),
  };
}

/** What the shopper sees (guest token or owning customer). */
export function shopperOrderView({ order, items, history, shipments, returns }: OrderDetail) {
  return {
    id: order.id,
    status: order.status,
    items: items.map(itemView),
    subtotal: order.subtotal,
    shipping: order.shipping,
    tax: order.tax,
    total: order.total,
    refundedAmount: order.refundedAmount,
    currency: order.currency,
    test: order.test,
    createdAt: order.createdAt.toISOString(),
    statusHistory: history.map(historyView),
    shipments,
    returns,
  };
}

/** What the merchant sees: the shopper's view plus contact, payment and the saga's progress. */
export function merchantOrderView(detail: OrderDetail) {
  const { order, saga } = detail;
  return {
    ...shopperOrderView(detail),
    email: order.email,
    customerId: order.customerId,
    checkoutId: order.checkoutId,
    shippingAddress: order.shippingAddress,
    statusReason: order.statusReason,
    paidAmount: order.paidAmount,
    carrier: order.carrier,
    expiresAt: order.expiresAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    version: order.version,
    payment: order.paymentId
      ? {
          paymentId: order.paymentId,
          provider: order.paymentProvider,
          test: order.test,
          refunds: detail.refunds ?? null,
        }
      : null,
    saga: saga
      ? {
          step: saga.step,
          status: saga.status,
          attempts: saga.attempts,
          lastError: saga.lastError,
          deadlineAt: saga.deadlineAt.toISOString(),
          data: saga.data,
          history: saga.history,
        }
      : null,
  };
}
