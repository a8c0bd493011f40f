import { offline } from './offline';
import { razorpay } from './razorpay';
import { stripe } from './stripe';

/**
 * The one list of payment providers: a provider is its folder beside this file and its line here.
 * The API contract builds the settings body and the name enum from it; the payment service's
 * registry (`services/payment/src/domain/providers/registry.ts`) loads each one's strategy from it.
 */
export const PAYMENT_PROVIDERS = [offline, stripe, razorpay] as const;

export type PaymentProviders = (typeof PAYMENT_PROVIDERS)[number];
export type ProviderName = PaymentProviders['name'];

export const PROVIDER_NAMES = PAYMENT_PROVIDERS.map((p) => p.name) as unknown as readonly [
  ProviderName,
  ...ProviderName[],
];
