import type { z } from 'zod';
import type { PaymentProvider, ProviderCredentials } from './provider';

/** What the deployment tells a provider when it is built (`<NAME>_API_BASE`: a stand-in in tests). */
export interface ProviderOptions {
  apiBase?: string;
}

/** Builds a provider's strategy; what a provider's `load()` resolves to. */
export type ProviderFactory = (options: ProviderOptions) => PaymentProvider;

/**
 * A payment provider, as its folder's `index.ts` declares it. Everything but `load` is read
 * eagerly and is zod only (the API contract, the gateway and the web apps read the list); `load`
 * imports the strategy, and with it the provider's SDK, only when the payment service builds it.
 */
export interface ProviderModule<Name extends string = string, Credentials extends z.ZodType = z.ZodType> {
  readonly name: Name;
  /** The `credentials` field of the settings form; `optional()` when the provider needs none. */
  readonly credentials: Credentials;
  /** The form, once parsed, as sealed credentials; null when the provider has none to give (offline). */
  toCredentials(form: z.output<Credentials>): ProviderCredentials | null;
  /** Its API host, when the deployment may point it elsewhere (`<NAME>_API_BASE`). */
  readonly apiBase?: { default: string; what: string };
  /** The strategy's factory, imported on first call (a dynamic `import()`: the SDK loads here). */
  load(): Promise<ProviderFactory>;
}

/** Keeps the name's literal type and the form's schema, so the list yields the name union and the body. */
export function defineProvider<const Name extends string, Credentials extends z.ZodType>(
  module: ProviderModule<Name, Credentials>,
): ProviderModule<Name, Credentials> {
  return module;
}
