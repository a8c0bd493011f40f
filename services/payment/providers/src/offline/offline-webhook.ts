import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ProviderEventType } from '../provider';
import { OFFLINE_SIGNATURE_HEADER, signOfflinePayload } from './offline-signature';

/**
 * The offline provider's webhook as it travels: the simulate endpoint builds and signs one, the
 * provider's `verifyWebhook` reads it back. No SDK here, so the payment service imports it eagerly.
 */

/** The JSON body the offline provider POSTs to `/api/webhooks/offline`. */
export interface OfflineWebhookBody {
  id: string;
  type: ProviderEventType;
  /** Unix seconds. */
  created: number;
  data: { paymentId: string; amount?: number; refundId?: string; reason?: string };
}

/** What `verifyWebhook` accepts as a body (after the signature checks out). */
export const offlineWebhookBody = z.object({
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
