import type { PaymentView } from '@fleet/contracts';
import type { Answer, CallCtx, InternalCaller } from './internal-call';

/** What a provider's confirmation carries (Razorpay Checkout's signed answer). */
export type PaymentConfirmation = Record<string, string>;

/**
 * The payment service: test-mode simulation and the provider's confirmation as the shopper
 * (`/api/store/payments/{id}/...`), and the order's payment (with the provider's `clientParams`)
 * as the storefront itself, only ever for an order the shopper was first allowed to read.
 */
export function createPaymentClient(caller: InternalCaller) {
  return {
    simulate: (ctx: CallCtx, paymentId: string, outcome: 'succeeded' | 'failed'): Promise<Answer> =>
      caller.call(ctx, {
        path: `/api/store/payments/${encodeURIComponent(paymentId)}/simulate`,
        body: { outcome },
      }),
    confirm: (ctx: CallCtx, paymentId: string, confirmation: PaymentConfirmation): Promise<Answer> =>
      caller.call(ctx, {
        path: `/api/store/payments/${encodeURIComponent(paymentId)}/confirm`,
        body: confirmation,
      }),
    /** Payment reads the provider's state now and applies a success (as the storefront). */
    async sync(ctx: CallCtx, paymentId: string): Promise<{ providerStatus: string } | null> {
      const answer = await caller.call<{ providerStatus: string }>(ctx, {
        path: `/internal/payments/${encodeURIComponent(paymentId)}/sync`,
        body: {},
        asService: true,
      });
      return answer.status === 200 ? answer.body : null;
    },
    async ofOrder(ctx: CallCtx, orderId: string): Promise<PaymentView | null> {
      const answer = await caller.call<{ items: PaymentView[] }>(ctx, {
        path: `/internal/payments?orderId=${encodeURIComponent(orderId)}`,
        asService: true,
      });
      return answer.status === 200 ? (answer.body.items[0] ?? null) : null;
    },
  };
}

export type PaymentClient = ReturnType<typeof createPaymentClient>;
