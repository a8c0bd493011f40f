import { done, plan, retry, defineStep } from '../saga-step';

/**
 * The saga waits here for payment.refunded. If it has not come by the deadline, payment is asked
 * directly; when the refund is still not through it is requested again (same idempotency key).
 */
export const awaitRefundStep = defineStep({
  name: 'await_refund',
  async run(ctx, deps, { order }) {
    if (!order.paymentId) return done();
    const payment = await deps.payment.get(ctx, order.paymentId);
    if (!payment.ok && payment.kind === 'unavailable') return retry(payment.error);
    const view = payment.ok ? payment.body : undefined;
    if (view && (view.status === 'refunded' || view.refundedAmount >= view.amount)) {
      return done({ detail: 'refund confirmed' });
    }
    return plan({ refundRequested: false }, 'refund not confirmed yet');
  },
});
