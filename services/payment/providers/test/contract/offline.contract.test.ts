import { createOfflineProvider } from '../../src/offline/offline.provider';
import { offlineWebhook, signOfflineWebhook } from '../../src/offline/offline-webhook';
import { describeProviderContract } from './provider-contract';

describeProviderContract('offline', async () => ({
  provider: createOfflineProvider(),
  credentials: { publicKeyId: null, webhookSecret: 'whsec_off_contract-secret', secrets: {} },
  currency: 'USD',
  failureType: 'payment.failed',
  tracksPayments: false,
  pay: async () => undefined,
  webhook: async (type, data, secret) =>
    signOfflineWebhook(
      secret,
      offlineWebhook(type, {
        paymentId: data.providerPaymentId,
        amount: data.amount,
        refundId: data.refundId,
      }),
    ),
  close: async () => undefined,
}));
