import type { Answer, CallCtx, InternalCaller } from './internal-call';

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode: string;
  country: string;
}

export interface CheckoutResult {
  orderId: string;
  orderToken: string;
  status: string;
  total: number;
  currency: string;
  payment: { provider: string; paymentId: string; clientParams: Record<string, unknown> };
}

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
