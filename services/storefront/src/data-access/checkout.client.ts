import type { CreateOrderResponse, ShippingAddress } from '@fleet/contracts';
import type { Answer, CallCtx, InternalCaller } from './internal-call';

export type { ShippingAddress };
export type CheckoutResult = CreateOrderResponse;

/** The checkout service (`POST /api/store/checkout`, Idempotency-Key required). */
export function createCheckoutClient(caller: InternalCaller) {
  return {
    checkout(
      ctx: CallCtx,
      input: { cartId: string; email: string; shippingAddress: ShippingAddress },
      idempotencyKey: string,
    ): Promise<Answer<CheckoutResult>> {
      return caller.call(ctx, {
        path: '/api/store/checkout',
        body: input,
        headers: { 'idempotency-key': idempotencyKey },
      });
    },
  };
}

export type CheckoutClient = ReturnType<typeof createCheckoutClient>;
