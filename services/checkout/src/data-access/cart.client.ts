import type { CartReader, CartSnapshot } from '../domain/checkout-deps';
import { unexpected, type ServiceClient } from './service-client';

/** Cart's internal API: `GET /internal/carts/{id}` and `POST /internal/carts/{id}/ordered`. */
export function createCartClient(client: ServiceClient): CartReader {
  const cartPath = (cartId: string) => `/internal/carts/${encodeURIComponent(cartId)}`;
  return {
    async get(ctx, cartId, customerId) {
      const query = customerId ? `?customerId=${encodeURIComponent(customerId)}` : '';
      const answer = await client.call(ctx, 'GET', `${cartPath(cartId)}${query}`);
      if (answer.status === 404) return null;
      if (answer.status !== 200) throw unexpected('cart', answer);
      return answer.body as unknown as CartSnapshot;
    },
    async removeOrdered(ctx, cartId, checkoutId, items) {
      const answer = await client.call(ctx, 'POST', `${cartPath(cartId)}/ordered`, { checkoutId, items });
      if (answer.status !== 204 && answer.status !== 404) throw unexpected('cart', answer);
    },
  };
}
