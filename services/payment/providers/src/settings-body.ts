import { z } from 'zod';
import { PAYMENT_PROVIDERS, type PaymentProviders, type ProviderName } from './providers';

/**
 * `PUT /api/admin/settings/payments`: `{ provider, credentials }`, the credentials checked strictly
 * by that provider's own form, so a misplaced key is a 400 naming the field, before anything is
 * sent to the provider.
 */
type SettingsOption = {
  [F in PaymentProviders as F['name']]: z.ZodObject<{
    provider: z.ZodLiteral<F['name']>;
    credentials: F['credentials'];
  }>;
}[ProviderName];

const options = PAYMENT_PROVIDERS.map((p) =>
  z.strictObject({ provider: z.literal(p.name), credentials: p.credentials }),
) as unknown as [SettingsOption, ...SettingsOption[]];

export const paymentSettingsBody = z.discriminatedUnion('provider', options);

export type PaymentSettingsInput = z.infer<typeof paymentSettingsBody>;
