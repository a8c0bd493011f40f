import {
  PAYMENT_PROVIDERS,
  type PaymentSettingsInput,
  type ProviderCredentials,
} from '@fleet/payment-providers';
import { z } from 'zod';

/**
 * `PUT /api/admin/settings/payments`: `{ provider, credentials }`, each provider's credentials
 * checked strictly by its own form; built from the provider list, the same schema the API contract
 * documents.
 */
export { paymentSettingsBody, type PaymentSettingsInput } from '@fleet/payment-providers';

/** `POST …/go-live` and `…/test-mode` take no fields (an absent body reads as `{}`). */
export const emptyBody = z.strictObject({}).optional();

/** The merchant's form as the provider strategy's credentials (offline has none to give). */
export function toProviderCredentials(input: PaymentSettingsInput): ProviderCredentials | null {
  const provider = PAYMENT_PROVIDERS.find((p) => p.name === input.provider);
  if (!provider) throw new Error(`unregistered provider ${input.provider}`);
  // The body was parsed by this provider's own `credentials` schema (the union's discriminator).
  return (provider.toCredentials as (form: unknown) => ProviderCredentials | null)(input.credentials);
}
