import { type PaymentSettingsInput } from '@fleet/api-contract';
import type { ProviderCredentials } from '../domain/payment-provider';

/** `PUT /api/admin/settings/payments` and the go-live / test-mode actions: the contract's schemas. */
export { emptyBody, paymentSettingsBody, type PaymentSettingsInput } from '@fleet/api-contract';

/** The merchant's form as the provider strategy's credentials (offline has none to give). */
export function toProviderCredentials(input: PaymentSettingsInput): ProviderCredentials | null {
  switch (input.provider) {
    case 'stripe':
      return {
        publicKeyId: input.credentials.publishableKey,
        webhookSecret: input.credentials.webhookSecret,
        secrets: { secretKey: input.credentials.secretKey },
      };
    case 'razorpay':
      return {
        publicKeyId: input.credentials.keyId,
        webhookSecret: input.credentials.webhookSecret,
        secrets: { keySecret: input.credentials.keySecret },
      };
    case 'offline':
      return null;
  }
}
