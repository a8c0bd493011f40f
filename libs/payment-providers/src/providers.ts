import { offline } from './offline/credentials';
import { razorpay } from './razorpay/credentials';
import { stripe } from './stripe/credentials';

/**
 * The one list of payment providers. The API contract builds the settings body and the name enum
 * from it; the payment service's registry must implement exactly these names (a compile error
 * otherwise, see `services/payment/src/domain/providers/registry.ts`).
 */
export const PROVIDER_FORMS = [offline, stripe, razorpay] as const;

export type ProviderForms = (typeof PROVIDER_FORMS)[number];
export type ProviderName = ProviderForms['name'];

export const PROVIDER_NAMES = PROVIDER_FORMS.map((p) => p.name) as unknown as readonly [
  ProviderName,
  ...ProviderName[],
];

/** One provider's entry, by name (its implementation spreads it in). */
export function providerForm<N extends ProviderName>(name: N): Extract<ProviderForms, { name: N }> {
  const form = PROVIDER_FORMS.find((p) => p.name === name);
  if (!form) throw new Error(`no payment provider named ${name}`);
  return form as Extract<ProviderForms, { name: N }>;
}
