import type { TenantCtx } from '@fleet/context';
import type { ReturnEventData } from '@fleet/contracts';
import { createEnvelope, type EventEnvelope } from '@fleet/messaging';
import type { OrderItemRecord } from '../../data-access/order-lines.repository';
import type { OrderRecord } from '../../data-access/order.repository';
import type { ReturnLineRecord, ReturnRecord } from '../../data-access/returns.repository';
import { RETURN_STATUS_EVENTS } from './return-state-machine';

export interface ReturnView {
  id: string;
  orderId: string;
  status: ReturnRecord['status'];
  reason: string | null;
  lines: Array<{ variantId: string; productId: string; title: string; quantity: number }>;
  restock: boolean | null;
  refundAmount: number | null;
  currency: string;
  createdAt: string;
  updatedAt: string;
}

/** A return's lines, named as the order's items name them. */
function linesOf(r: ReturnRecord, lines: readonly ReturnLineRecord[], items: readonly OrderItemRecord[]) {
  return lines
    .filter((l) => l.returnId === r.id)
    .map((l) => {
      const item = items.find((i) => i.variantId === l.variantId);
      return {
        variantId: l.variantId,
        productId: item?.productId ?? '',
        title: item?.title ?? l.variantId,
        quantity: l.quantity,
      };
    });
}

export function returnView(
  r: ReturnRecord,
  lines: readonly ReturnLineRecord[],
  items: readonly OrderItemRecord[],
  currency: string,
): ReturnView {
  return {
    id: r.id,
    orderId: r.orderId,
    status: r.status,
    reason: r.reason,
    lines: linesOf(r, lines, items),
    restock: r.restock,
    refundAmount: r.refundAmount,
    currency,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The event of the return's arrival in its status, versioned by the return's row. */
export function returnEvent(
  ctx: TenantCtx,
  order: OrderRecord,
  view: ReturnView,
  version: number,
): EventEnvelope<ReturnEventData> {
  return createEnvelope<ReturnEventData>(ctx, {
    type: RETURN_STATUS_EVENTS[view.status],
    aggregateId: view.id,
    version,
    data: {
      returnId: view.id,
      orderId: order.id,
      email: order.email,
      customerId: order.customerId,
      status: view.status,
      lines: view.lines.map(({ variantId, productId, quantity }) => ({ variantId, productId, quantity })),
      refundAmount: view.refundAmount,
      restock: view.restock,
      currency: order.currency,
    },
  });
}
