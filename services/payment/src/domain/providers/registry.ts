import { AppError } from '@fleet/errors';
import { PROVIDER_FORMS, type ProviderName } from '@fleet/payment-providers';
import { offline } from './offline';
import type { PaymentProvider } from './payment-provider';
import type { ProviderOptions } from './provider-module';
import { razorpay } from './razorpay';
import { stripe } from './stripe';

/**
 * Every provider of the one list (`@fleet/payment-providers`: names and credentials forms, which
 * the API contract documents), with its implementation (a folder here). A name of that list
 * without its implementation here, or an implementation the list does not name, does not compile.
 * The `<NAME>_API_BASE` settings and the default wiring derive from this.
 */
const IMPLEMENTATIONS = { offline, stripe, razorpay } satisfies {
  [N in ProviderName]: { readonly name: N; create(options: ProviderOptions): PaymentProvider };
};

export type ProviderModules = (typeof IMPLEMENTATIONS)[ProviderName];
export type { ProviderName };

/** The implementations, in the list's order. */
export const PROVIDERS: readonly ProviderModules[] = PROVIDER_FORMS.map((f) => IMPLEMENTATIONS[f.name]);

export const PROVIDER_NAMES: readonly ProviderName[] = PROVIDERS.map((p) => p.name);

/** The configuration variable naming a provider's API host (`STRIPE_API_BASE`). */
export const apiBaseSetting = (name: ProviderName) => `${name.toUpperCase()}_API_BASE`;

/** Every registered provider, built with its API host when the deployment names one. */
export function createRegisteredProviders(
  apiBases: Partial<Record<ProviderName, string>> = {},
): PaymentProvider[] {
  return PROVIDERS.map((p) => p.create({ apiBase: apiBases[p.name] } satisfies ProviderOptions));
}

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
