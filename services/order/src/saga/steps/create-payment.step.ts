import { rejectOrder } from '../compensation';
import { advance, describeProblem, isPast, retry, type SagaStep } from '../saga-step';

/**
 * Creates the payment with the tenant's provider (one per order: a retry returns the first) and
 * waits for its outcome until the order expires. A permanent refusal releases the stock and
 * REJECTS the order. Compensation: refund-payment.step (once money was captured).
 */
export const createPaymentStep: SagaStep = {
  name: 'create_payment',
  async run(ctx, deps, { order }) {
    if (isPast(order.expiresAt)) {
      return advance((u) =>
        rejectOrder(
          u,
          { code: 'checkout_timeout', detail: 'The order expired before its payment was created.' },
          'release',
        ),
      );
    }
    const result = await deps.payment.create(ctx, {
      orderId: order.id,
      amount: order.total,
      currency: order.currency,
      email: order.email,
    });
    if (result.ok) {
      const payment = result.body;
      return advance((u) => u.goTo('await_payment', 'waiting', { at: u.order.expiresAt }), {
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
    return advance((u) =>
      rejectOrder(
        u,
        {
          code: 'payment_rejected',
          detail: `The payment could not be created (${describeProblem(result.status, problem)}).`,
          extra: { paymentCode: problem.code },
        },
        'release',
      ),
    );
  },
};
