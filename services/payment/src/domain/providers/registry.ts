import { AppError } from '@fleet/errors';
import {
  PAYMENT_PROVIDERS,
  type PaymentProvider,
  type ProviderName,
  type ProviderOptions,
} from '@fleet/payment-providers';

/**
 * The providers this service can build: exactly those of the one list (`PAYMENT_PROVIDERS` in
 * `@fleet/payment-providers`, a folder and a line each). The `<NAME>_API_BASE` settings, the
 * settings form's credentials and the default wiring all derive from that list; nothing is listed
 * here.
 */
export type { ProviderName };

export const PROVIDER_NAMES: readonly ProviderName[] = PAYMENT_PROVIDERS.map((p) => p.name);

/** The configuration variable naming a provider's API host (`STRIPE_API_BASE`). */
export const apiBaseSetting = (name: ProviderName) => `${name.toUpperCase()}_API_BASE`;

/**
 * Every listed provider, built with its API host when the deployment names one. Each strategy (and
 * its SDK) is imported here, once, at start-up: a provider that fails to load stops the start.
 */
export async function createRegisteredProviders(
  apiBases: Partial<Record<ProviderName, string>> = {},
): Promise<PaymentProvider[]> {
  return Promise.all(
    PAYMENT_PROVIDERS.map(async (p) => {
      const create = await p.load();
      const provider = create({ apiBase: apiBases[p.name] } satisfies ProviderOptions);
      if (provider.name !== p.name) throw new Error(`provider ${p.name} built one named ${provider.name}`);
      return provider;
    }),
  );
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
