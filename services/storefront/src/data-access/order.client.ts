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
    async mine(ctx: CallCtx): Promise<Order[]> {
      const answer = await caller.call<{ items: Order[] }>(ctx, { path: '/api/store/me/orders?limit=50' });
      return answer.status === 200 ? answer.body.items : [];
    },
  };
}

export type OrderClient = ReturnType<typeof createOrderClient>;
