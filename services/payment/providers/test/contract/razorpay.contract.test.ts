import { razorpayWebhookFor, startRazorpayFixture } from '../support/razorpay-fixture';
import { describeProviderContract } from './provider-contract';

describeProviderContract('razorpay', async () => {
  const fx = await startRazorpayFixture();
  const { input, credentials } = fx.account();
  return {
    provider: fx.provider,
    credentials,
    currency: 'INR',
    failureType: 'payment.attempt_failed',
    tracksPayments: true,
    pay: async (created) => {
      await fx.standIn.pay(created.providerPaymentId);
    },
    webhook: async (type, data, secret) => razorpayWebhookFor(fx.standIn, input.keyId, type, data, secret),
    close: () => fx.close(),
  };
});
