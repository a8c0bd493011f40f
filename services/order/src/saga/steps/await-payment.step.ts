import { startCancel } from '../compensation';
import { advance, type SagaStep } from '../saga-step';

/**
 * The saga waits here for payment.succeeded / payment.failed (messaging/). It only runs when the
 * wait is over (the order's unpaid timeout): the order is cancelled and its reservation released;
 * a payment that still succeeds later is refunded (see payment-succeeded.consumer).
 */
export const awaitPaymentStep: SagaStep = {
  name: 'await_payment',
  async run() {
    return advance((u) => startCancel(u, { reason: 'payment_timeout', stock: 'release' }), {
      detail: 'unpaid order expired',
    });
  },
};
