import { randomUUID } from 'node:crypto';
import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { findOrder } from '../data-access/order.repository';
import type { RefundView } from '../data-access/payment.client';
import type { RemoteProblem } from '../data-access/service-http';
import type { OrderDeps } from './order-deps';
import { orderNotFound } from './order-errors';

export type RefundOutcome =
  { ok: true; refund: RefundView } | { ok: false; status: number; problem: RemoteProblem };

/**
 * A merchant's refund of a paid order (all that is left when no amount is given). Payment
 * decides; its refusals (e.g. 422 over-refund) pass through. The order's `refundedAmount`
 * follows from payment.refunded. The merchant's Idempotency-Key protects a retried click.
 */
export async function refundOrder(
  ctx: TenantCtx,
  deps: OrderDeps,
  orderId: string,
  request: { amount?: number; idempotencyKey?: string },
): Promise<RefundOutcome> {
  const order = await deps.db.readAsTenant(ctx, (tx) => findOrder(tx, orderId));
  if (!order) throw orderNotFound();
  if (!order.paymentId || order.paidAmount === null) {
    throw new AppError('conflict', 'This order has no captured payment to refund.', {
      code: 'order_not_refundable',
    });
  }
  const key = `${order.id}:merchant:${request.idempotencyKey ?? randomUUID()}`;
  const body =
    request.amount === undefined
      ? { reason: 'merchant_refund' }
      : { amount: request.amount, reason: 'merchant_refund' };
  const result = await deps.payment.refund(ctx, order.paymentId, body, key);
  if (result.ok) return { ok: true, refund: result.body };
  if (result.kind === 'unavailable') {
    throw new AppError('unavailable', 'Payments are unavailable; retry the refund.', {
      code: 'payment_unavailable',
      retryAfter: 2,
    });
  }
  return { ok: false, status: result.status, problem: result.problem };
}
