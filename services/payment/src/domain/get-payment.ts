import type { TenantCtx } from '@fleet/context';
import type { PaymentView } from '@fleet/contracts';
import { AppError } from '@fleet/errors';
import { findPayment, findPaymentByOrder } from '../data-access/payment.repository';
import type { PaymentDeps } from './payment-deps';
import { toPaymentView } from './views';

export const paymentNotFound = () =>
  new AppError('not_found', 'No such payment.', { code: 'payment_not_found' });

export async function getPayment(ctx: TenantCtx, deps: PaymentDeps, paymentId: string): Promise<PaymentView> {
  const payment = await deps.db.readAsTenant(ctx, (tx) => findPayment(tx, paymentId));
  if (!payment) throw paymentNotFound();
  return toPaymentView(payment);
}

export async function findOrderPayment(
  ctx: TenantCtx,
  deps: PaymentDeps,
  orderId: string,
): Promise<PaymentView | undefined> {
  const payment = await deps.db.readAsTenant(ctx, (tx) => findPaymentByOrder(tx, orderId));
  return payment && toPaymentView(payment);
}
