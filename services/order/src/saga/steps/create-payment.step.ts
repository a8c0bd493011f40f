import { describeProblem, done, isPast, reject, retry, defineStep } from '../saga-step';

/**
 * Creates the payment with the tenant's provider (one per order: a retry returns the first); the
 * payment id and the client parameters are kept even if the saga moved meanwhile. A permanent
 * refusal REJECTS the order (the stock is released).
 */
export const createPaymentStep = defineStep({
  name: 'create_payment',
  async run(ctx, deps, { order }) {
    if (isPast(order.expiresAt)) {
      return reject({
        code: 'checkout_timeout',
        detail: 'The order expired before its payment was created.',
      });
    }
    const result = await deps.payment.create(ctx, {
      orderId: order.id,
      amount: order.total,
      currency: order.currency,
      email: order.email,
    });
    if (result.ok) {
      const payment = result.body;
      return done({
        detail: payment.paymentId,
        keep: async (u) => {
          await u.recordFacts({
            paymentId: payment.paymentId,
            paymentProvider: payment.provider,
            paymentClientParams: payment.clientParams ?? {},
            ...(typeof payment.test === 'boolean' ? { test: payment.test } : {}),
          });
        },
      });
    }
    if (result.kind === 'unavailable') return retry(result.error);
    const problem = result.problem;
    return reject({
      code: 'payment_rejected',
      detail: `The payment could not be created (${describeProblem(result.status, problem)}).`,
      extra: { paymentCode: problem.code },
    });
  },
});
