import type { TenantCtx } from '@fleet/context';
import type { PaymentView } from '@fleet/contracts';
import { AppError } from '@fleet/errors';
import { findPayment, findPaymentByOrder } from '../../data-access/payment.repository';
import { listRefunds } from '../../data-access/refund.repository';
import type { PaymentDeps } from '../payment-deps';
import { toPaymentView, toRefundView } from './views';

export const paymentNotFound = () =>
  new AppError('not_found', 'No such payment.', { code: 'payment_not_found' });

/** The payment with its refunds (a failed one says why: the merchant's order view shows them). */
export async function getPayment(ctx: TenantCtx, deps: PaymentDeps, paymentId: string): Promise<PaymentView> {
  const found = await deps.db.readAsTenant(ctx, async (tx) => {
    const payment = await findPayment(tx, paymentId);
    return payment && { payment, refunds: await listRefunds(tx, payment.id) };
  });
  if (!found) throw paymentNotFound();
  return { ...toPaymentView(found.payment), refunds: found.refunds.map(toRefundView) };
}

export async function findOrderPayment(
  ctx: TenantCtx,
  deps: PaymentDeps,
  orderId: string,
): Promise<PaymentView | undefined> {
  const payment = await deps.db.readAsTenant(ctx, (tx) => findPaymentByOrder(tx, orderId));
  return payment && toPaymentView(payment);
}
