import { describeProblem, done, fail, plan, retry, defineStep } from '../saga-step';

const COMPLETED = new Set(['succeeded', 'completed', 'refunded']);

/**
 * Compensation of create-payment once money was captured: refunds whatever is left (no amount),
 * under an idempotency key per order, so a retry never refunds twice. Confirmed by the answer
 * when the provider refunds at once, else by payment.refunded (await-refund.step).
 */
export const refundPaymentStep = defineStep({
  name: 'refund_payment',
  async run(ctx, deps, { order, saga }) {
    const refunded = done({ detail: 'refunded' });
    if (!order.paymentId) return refunded;
    const reason = saga.data.compensation?.reason ?? 'order_cancelled';
    const result = await deps.payment.refund(ctx, order.paymentId, { reason }, `${order.id}:cancel`);
    if (result.ok) {
      const refundId = result.body.refundId ?? result.body.id;
      if (result.body.status && COMPLETED.has(result.body.status)) return refunded;
      if (result.body.status === 'failed') return fail(`the provider failed refund ${refundId ?? ''}`);
      return plan({ refundRequested: true, refundId }, `refund ${refundId ?? ''} requested`);
    }
    if (result.kind === 'unavailable') return retry(result.error);
    const refusal = describeProblem(result.status, result.problem);
    const payment = await deps.payment.get(ctx, order.paymentId);
    if (!payment.ok)
      return payment.kind === 'unavailable' ? retry(payment.error) : fail(`refund refused: ${refusal}`);
    // Nothing left to give back: refunded already (by an earlier try or the merchant), or never captured.
    if (payment.body.status === 'refunded' || payment.body.status === 'failed') return refunded;
    return fail(`refund refused: ${refusal}`);
  },
});
