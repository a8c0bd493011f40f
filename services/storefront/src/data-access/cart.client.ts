import type { Answer, CallCtx, InternalCaller } from './internal-call';

export interface CartItem {
  id: string;
  variantId: string;
  productId: string;
  title: string;
  variantTitle: string;
  sku: string;
  image: string | null;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  currency: string;
  available: boolean;
  availableQuantity: number;
}

export interface Cart {
  id: string;
  items: CartItem[];
  subtotal: number | null;
  currency: string | null;
  itemCount: number;
}

/** The cart service's store API (`/api/store/carts`). */
export function createCartClient(caller: InternalCaller) {
  const base = (id: string) => `/api/store/carts/${encodeURIComponent(id)}`;
  return {
    create: (ctx: CallCtx): Promise<Answer<Cart>> =>
      caller.call(ctx, { method: 'POST', path: '/api/store/carts' }),
    async get(ctx: CallCtx, id: string): Promise<Cart | null> {
      const answer = await caller.call<Cart>(ctx, { path: base(id) });
      return answer.status === 200 ? answer.body : null;
    },
    add: (ctx: CallCtx, id: string, variantId: string, quantity: number): Promise<Answer<Cart>> =>
      caller.call(ctx, { path: `${base(id)}/items`, body: { variantId, quantity } }),
    setQuantity: (ctx: CallCtx, id: string, itemId: string, quantity: number): Promise<Answer<Cart>> =>
      caller.call(ctx, {
        method: 'PATCH',
        path: `${base(id)}/items/${encodeURIComponent(itemId)}`,
        body: { quantity },
      }),
    /** Signed-in customer: the guest cart `id` merged into theirs; answers their cart. */
    merge: (ctx: CallCtx, id: string): Promise<Answer<Cart>> =>
      caller.call(ctx, { method: 'POST', path: `${base(id)}/merge` }),
    remove: (ctx: CallCtx, id: string, itemId: string): Promise<Answer<Cart>> =>
      caller.call(ctx, { method: 'DELETE', path: `${base(id)}/items/${encodeURIComponent(itemId)}` }),
  };
}

export type CartClient = ReturnType<typeof createCartClient>;
