import type { PaymentProvider, ProviderEvent } from '../provider';
import { checkOfflineSignature, OFFLINE_SIGNATURE_HEADER } from './offline-signature';
import { offlineWebhookBody } from './offline-webhook';

/**
 * `offline`: a simulated provider, the embedded default for demos and tests. Creating a payment
 * only hands the storefront a simulate URL; the simulate endpoint then makes this provider send a
 * signed webhook over HTTP, through the same pipeline real providers' webhooks take. Refunds
 * succeed at once (settled synchronously by the refund use case).
 */
export const offlineProviderPaymentId = (paymentId: string) => `off_${paymentId}`;
export const simulatePath = (paymentId: string) => `/api/store/payments/${paymentId}/simulate`;

export function createOfflineProvider(): PaymentProvider {
  return {
    name: 'offline',
    async createPayment(_ctx, input) {
      return {
        providerPaymentId: offlineProviderPaymentId(input.paymentId),
        clientParams: { simulateUrl: simulatePath(input.paymentId) },
      };
    },
    async verifyWebhook(rawBody, headers, secret, options = {}) {
      const signature = checkOfflineSignature(
        headers[OFFLINE_SIGNATURE_HEADER],
        secret,
        rawBody,
        options.now,
      );
      if (!signature.ok) return signature;
      const parsed = offlineWebhookBody.safeParse(parseJson(rawBody));
      if (!parsed.success) return { ok: false, reason: 'malformed_event' };
      const { id, type, data } = parsed.data;
      const event: ProviderEvent = { eventId: id, type, providerPaymentId: data.paymentId };
      if (data.amount !== undefined) event.amount = data.amount;
      if (data.refundId !== undefined) event.refundId = data.refundId;
      if (data.reason !== undefined) event.reason = data.reason;
      return { ok: true, event };
    },
    async refund(_ctx, input) {
      return { providerRefundId: `off_${input.refundId}`, status: 'succeeded' };
    },
    // Its outcomes exist only as the webhooks simulate sends to us: a payment still pending here
    // has not been paid.
    async retrievePayment() {
      return { status: 'unpaid' };
    },
  };
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}
