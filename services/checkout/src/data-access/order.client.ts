import type { OrderCreator } from '../domain/checkout-deps';
import type { ServiceClient } from './service-client';

/**
 * Order's `POST /internal/orders`. Its answer is passed through as is: 201 with the order,
 * 422 `out_of_stock` (nothing reserved), 409, or 503 with Retry-After (order still settling).
 */
export function createOrderClient(client: ServiceClient): OrderCreator {
  return {
    create: (ctx, request) => client.call(ctx, 'POST', '/internal/orders', request),
  };
}
