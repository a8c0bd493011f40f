import { AppError } from '@fleet/errors';
import type { PaymentProvider, ProviderName } from './payment-provider';

/** The providers this deployment can talk to, by name. */
export interface ProviderRegistry {
  readonly names: readonly ProviderName[];
  find(name: string): PaymentProvider | undefined;
  /** The provider a payment or a tenant's settings name; a 503 when this build lacks it. */
  get(name: ProviderName): PaymentProvider;
}

export function createProviderRegistry(providers: readonly PaymentProvider[]): ProviderRegistry {
  const byName = new Map<string, PaymentProvider>(providers.map((p) => [p.name, p]));
  return {
    names: [...byName.keys()] as ProviderName[],
    find: (name) => byName.get(name),
    get(name) {
      const provider = byName.get(name);
      if (!provider) {
        throw new AppError('unavailable', `The payment provider "${name}" is not available.`, {
          code: 'provider_unavailable',
        });
      }
      return provider;
    },
  };
}
