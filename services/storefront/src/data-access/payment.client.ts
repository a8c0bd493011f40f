import type { Answer, CallCtx, InternalCaller } from './internal-call';

/** The payment service's test-mode simulation (`POST /api/store/payments/{id}/simulate`). */
export function createPaymentClient(caller: InternalCaller) {
  return {
    simulate: (ctx: CallCtx, paymentId: string, outcome: 'succeeded' | 'failed'): Promise<Answer> =>
      caller.call(ctx, {
        path: `/api/store/payments/${encodeURIComponent(paymentId)}/simulate`,
        body: { outcome },
      }),
  };
}

export type PaymentClient = ReturnType<typeof createPaymentClient>;
