import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { PaymentProvider, ProviderEvent, ProviderEventType } from '../payment-provider';
import { checkOfflineSignature, OFFLINE_SIGNATURE_HEADER, signOfflinePayload } from './offline-signature';

/**
 * `offline`: a simulated provider, the embedded default for demos and tests. Creating a payment
 * only hands the storefront a simulate URL; the simulate endpoint then makes this provider send a
 * signed webhook over HTTP, through the same pipeline real providers' webhooks take. Refunds
 * succeed at once (settled synchronously by the refund use case).
 */
export const offlineProviderPaymentId = (paymentId: string) => `off_${paymentId}`;
export const simulatePath = (paymentId: string) => `/api/store/payments/${paymentId}/simulate`;

/** The JSON body the offline provider POSTs to `/api/webhooks/offline`. */
export interface OfflineWebhookBody {
  id: string;
  type: ProviderEventType;
  /** Unix seconds. */
  created: number;
  data: { paymentId: string; amount?: number; refundId?: string; reason?: string };
}

const offlineBody = z.object({
  id: z.string().regex(/^evt_off_[A-Za-z0-9_-]{8,64}$/),
  type: z.enum(['payment.succeeded', 'payment.failed', 'refund.succeeded']),
  created: z.number().int(),
  data: z.object({
    paymentId: z.string().min(1).max(200),
    amount: z.number().int().positive().optional(),
    refundId: z.string().min(1).max(200).optional(),
    reason: z.string().max(500).optional(),
  }),
});

export function offlineWebhook(
  type: ProviderEventType,
  data: OfflineWebhookBody['data'],
): OfflineWebhookBody {
  return {
    id: `evt_off_${randomBytes(12).toString('base64url')}`,
    type,
    created: Math.floor(Date.now() / 1000),
    data,
  };
}

/** The exact bytes and headers a webhook delivery carries. */
export function signOfflineWebhook(
  secret: string,
  body: OfflineWebhookBody,
  now = Date.now(),
): { rawBody: string; headers: Record<string, string> } {
  const rawBody = JSON.stringify(body);
  return {
    rawBody,
    headers: {
      'content-type': 'application/json',
      [OFFLINE_SIGNATURE_HEADER]: signOfflinePayload(secret, rawBody, now),
    },
  };
}

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
      const parsed = offlineBody.safeParse(parseJson(rawBody));
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
