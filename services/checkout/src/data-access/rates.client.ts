import type { StoreRates } from '@fleet/contracts';
import { AppError } from '@fleet/errors';
import type { RatesReader } from '../domain/checkout-deps';
import { unexpected, type ServiceClient } from './service-client';

/** The registry's `GET /internal/store-rates` for the tenant in the context. */
export function createRatesClient(client: ServiceClient): RatesReader {
  return {
    async get(ctx) {
      const answer = await client.call(ctx, 'GET', '/internal/store-rates');
      if (answer.status === 404) {
        throw new AppError('not_found', 'This store has no settings.', { code: 'store_not_found' });
      }
      if (answer.status !== 200) throw unexpected('tenancy', answer);
      return answer.body as unknown as StoreRates;
    },
  };
}
