import { AppError } from '@fleet/errors';
import type { ShippingQuoter } from '../domain/checkout-deps';
import { unexpected, type ServiceClient } from './service-client';

/** Shipment's `POST /internal/shipping-quotes`: the store carrier's rate for the parcel. */
export function createShippingClient(client: ServiceClient): ShippingQuoter {
  return {
    async quote(ctx, request) {
      const answer = await client.call(ctx, 'POST', '/internal/shipping-quotes', request);
      const amount = answer.body.amount;
      if (
        answer.status !== 200 ||
        typeof amount !== 'number' ||
        !Number.isSafeInteger(amount) ||
        amount < 0
      ) {
        throw unexpected('shipment', answer);
      }
      if (answer.body.currency !== request.currency) {
        throw new AppError('unavailable', 'The shipping quote came in another currency; retry.', {
          code: 'shipment_unavailable',
          retryAfter: 2,
        });
      }
      return amount;
    },
  };
}
