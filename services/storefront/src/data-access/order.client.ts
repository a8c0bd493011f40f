import type { Answer, CallCtx, InternalCaller } from './internal-call';

export interface Order {
  id: string;
  status: string;
  items: Array<{ title: string; sku: string; quantity: number; unitPrice: number; variantId: string }>;
  subtotal?: number;
  shipping?: number;
  tax?: number;
  total: number;
  currency: string;
  email?: string;
  createdAt?: string;
  payment?: { provider?: string; paymentId?: string; status?: string } | null;
  test?: boolean;
  shipments?: Array<{
    id: string;
    carrierName: string;
    trackingNumber: string;
    trackingUrl: string | null;
    status: string;
    events: Array<{ status: string; at: string }>;
  }>;
  returns?: Array<{
    id: string;
    status: string;
    lines: Array<{ variantId: string; title: string; quantity: number }>;
  }>;
}

export interface ReturnRequest {
  lines: Array<{ variantId: string; quantity: number }>;
  reason?: string;
}

/** The order service's shopper API: one order (guest token or customer), cancel, my orders. */
export function createOrderClient(caller: InternalCaller) {
  const path = (id: string, token?: string, suffix = '') =>
    `/api/store/orders/${encodeURIComponent(id)}${suffix}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  return {
    async get(ctx: CallCtx, id: string, token?: string): Promise<Order | null> {
      const answer = await caller.call<Order>(ctx, { path: path(id, token) });
      return answer.status === 200 ? answer.body : null;
    },
    cancel: (ctx: CallCtx, id: string, token?: string): Promise<Answer> =>
      caller.call(ctx, { method: 'POST', path: path(id, token, '/cancel') }),
    requestReturn: (
      ctx: CallCtx,
      id: string,
      token: string | undefined,
      body: ReturnRequest,
    ): Promise<Answer> => caller.call(ctx, { method: 'POST', path: path(id, token, '/returns'), body }),
    async mine(ctx: CallCtx): Promise<Order[]> {
      const answer = await caller.call<{ items: Order[] }>(ctx, { path: '/api/store/me/orders?limit=50' });
      return answer.status === 200 ? answer.body.items : [];
    },
  };
}

export type OrderClient = ReturnType<typeof createOrderClient>;
