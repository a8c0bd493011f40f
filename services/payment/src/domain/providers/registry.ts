import { AppError } from '@fleet/errors';
import { offline } from './offline';
import type { PaymentProvider } from './payment-provider';
import type { ProviderOptions } from './provider-module';
import { razorpay } from './razorpay';
import { stripe } from './stripe';

/**
 * The registration list: every provider this build implements, each a folder of its own. Adding
 * one is its folder plus one line here (and its stand-in for tests); the name union, the settings
 * form, the `<NAME>_API_BASE` settings and the default wiring all derive from this list.
 */
export const PROVIDERS = [offline, stripe, razorpay] as const;

export type ProviderModules = (typeof PROVIDERS)[number];
export type ProviderName = ProviderModules['name'];

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
