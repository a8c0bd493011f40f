import type { z } from 'zod';
import type { PaymentProvider, ProviderCredentials } from './payment-provider';

/** What the deployment tells a provider when it is built (`<NAME>_API_BASE`: a stand-in in tests). */
export interface ProviderOptions {
  apiBase?: string;
}

/**
 * A payment provider's implementation: its name and credentials form (the provider's entry in
 * `@fleet/payment-providers`, spread in), how that form becomes the strategy's credentials, and how
 * the strategy is built. One per folder; `registry.ts` lists them.
 */
export interface ProviderModule<Name extends string = string, Form = unknown> {
  readonly name: Name;
  /** The `credentials` field of the settings form; `optional()` when the provider needs none. */
  readonly credentials: z.ZodType<Form>;
  /** The form as sealed credentials; null when the provider has none to give (offline). */
  toCredentials(form: Form): ProviderCredentials | null;
  /** Its API host, when the deployment may point it elsewhere (`<NAME>_API_BASE`). */
  readonly apiBase?: { default: string; what: string };
  create(options: ProviderOptions): PaymentProvider;
}

/** Keeps the name's literal type, so the registration list yields the name union. */
export function defineProvider<Name extends string, Form>(
  module: ProviderModule<Name, Form>,
): ProviderModule<Name, Form> {
  return module;
}
