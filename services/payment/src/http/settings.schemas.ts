import { z } from 'zod';
import type { ProviderCredentials } from '../domain/providers/payment-provider';
import { PROVIDERS, type ProviderModules, type ProviderName } from '../domain/providers/registry';

/**
 * `PUT /api/admin/settings/payments`: `{ provider, credentials }`, the credentials checked strictly
 * by that provider's own form (its folder's `credentials` schema), so a misplaced key is a 400
 * naming the field, before anything is sent to the provider.
 */
type SettingsOption = {
  [M in ProviderModules as M['name']]: z.ZodObject<{
    provider: z.ZodLiteral<M['name']>;
    credentials: M['credentials'];
  }>;
}[ProviderName];

const options = PROVIDERS.map((p) =>
  z.strictObject({ provider: z.literal(p.name), credentials: p.credentials }),
) as unknown as [SettingsOption, ...SettingsOption[]];

export const paymentSettingsBody = z.discriminatedUnion('provider', options);

/** `POST …/go-live` and `…/test-mode` take no fields (an absent body reads as `{}`). */
export const emptyBody = z.strictObject({}).optional();

export type PaymentSettingsInput = z.infer<typeof paymentSettingsBody>;

/** The merchant's form as the provider strategy's credentials (offline has none to give). */
export function toProviderCredentials(input: PaymentSettingsInput): ProviderCredentials | null {
  const provider = PROVIDERS.find((p) => p.name === input.provider);
  if (!provider) throw new Error(`unregistered provider ${input.provider}`);
  // The body was parsed by this provider's own `credentials` schema (the union's discriminator).
  return (provider.toCredentials as (form: unknown) => ProviderCredentials | null)(input.credentials);
}
