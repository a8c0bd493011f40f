import type { PaymentSyncView } from '@fleet/contracts';
import { paymentSucceeded } from '../payment-success';
import { cancel, describeProblem, retry, type Outcome, defineStep } from '../saga-step';
import type { ClaimedStep } from '../saga-unit';

const unpaid = (detail: string): Outcome => cancel({ reason: 'payment_timeout', stock: 'release' }, detail);

const PAID: ReadonlySet<string> = new Set(['succeeded', 'partially_refunded', 'refunded']);

/**
 * The saga waits here for payment.succeeded / payment.failed (messaging/). It runs only when the
 * wait is over (the order's unpaid timeout), and before cancelling for non-payment it asks payment
 * (and through it the provider) for the payment's real state, because the event may be lost or
 * late (the broker was down, a webhook never came):
 * - paid: the success is applied here exactly as the event would apply it (PLACED, then the
 *   stock commit); the event arriving later changes nothing;
 * - failed, or unpaid at the provider: cancelled (payment_timeout) and the reservation released;
 *   money that still arrives later is refunded (see payment-success.ts);
 * - still processing at the provider (the shopper authorised it, the provider settles it): the
 *   wait is extended ONCE, to `expiresAt + paymentGraceMs`; then it is cancelled as above;
 * - payment unreachable: asked again with backoff until `expiresAt + paymentGraceMs`, then
 *   cancelled without an answer (late money is refunded).
 * The reservation outlives that grace (reserve-inventory.step), so a payment found here commits.
 */
export const awaitPaymentStep = defineStep({
  name: 'await_payment',
  async run(ctx, deps, state) {
    const { order } = state;
    if (!order.paymentId) return unpaid('unpaid order expired (no payment was created)');
    const graceEnd = new Date(order.expiresAt.getTime() + deps.saga.paymentGraceMs);
    const result = await deps.payment.sync(ctx, order.paymentId);
    if (!result.ok) {
      if (result.kind === 'unavailable' && Date.now() < graceEnd.getTime()) return retry(result.error);
      const why =
        result.kind === 'unavailable' ? result.error : describeProblem(result.status, result.problem);
      return unpaid(`unpaid order expired; payment's state unknown (${why})`);
    }
    return decide(result.body, state, graceEnd);
  },
});

function decide(view: PaymentSyncView, { order, saga }: ClaimedStep, graceEnd: Date): Outcome {
  const { payment, providerStatus } = view;
  if (PAID.has(payment.status)) {
    const success = {
      paymentId: payment.paymentId,
      amount: payment.amount,
      currency: payment.currency,
      test: payment.test,
    };
    return {
      kind: 'decide',
      detail: 'paid (found when the unpaid timeout asked payment)',
      decide: (u) => paymentSucceeded(u, success),
    };
  }
  if (payment.status === 'pending' && providerStatus === 'processing' && !saga.data.paymentWaitExtended) {
    return {
      kind: 'wait',
      until: graceEnd,
      why: 'payment still processing at the provider: waiting once more',
      detail: `payment processing at the provider; order ${order.id} waits until ${graceEnd.toISOString()}`,
      record: (u) => u.mergeData({ paymentWaitExtended: true }),
    };
  }
  return unpaid(`unpaid order expired (payment ${payment.status}, provider ${providerStatus})`);
}
