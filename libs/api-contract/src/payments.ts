import { z } from 'zod';
import { emptyBody, timestamp } from './common';
import { operations } from './operation';
import { PROVIDER_NAMES, paymentSettingsBody } from '@fleet/payment-providers';

/** Payment's public operations: the merchant's settings, test payments, provider webhooks. */

/**
 * The provider names and `PUT /api/admin/settings/payments`'s body (one credentials form per
 * provider) come from the one provider list, `@fleet/payment-providers`.
 */
export { PROVIDER_NAMES, paymentSettingsBody, type PaymentSettingsInput } from '@fleet/payment-providers';

export const simulateBody = z.strictObject({ outcome: z.enum(['succeeded', 'failed']) });

/** The provider's own fields from its checkout (e.g. razorpay_payment_id, razorpay_signature). */
export const confirmBody = z.record(
  z.string().regex(/^[a-z_]{1,64}$/, 'is not a provider field name'),
  z.string().max(500),
);

export const paymentSettings = z.looseObject({
  provider: z.enum(PROVIDER_NAMES),
  testMode: z.boolean(),
  liveSince: timestamp.nullable(),
  providers: z.array(
    z.looseObject({
      provider: z.enum(PROVIDER_NAMES),
      active: z.boolean(),
      publicKeyId: z.string().nullable(),
      webhookPath: z.string(),
      updatedAt: timestamp,
    }),
  ),
});

export const paymentIdParams = z.strictObject({ id: z.string() });
export const webhookParams = z.strictObject({ provider: z.string() });

const settings = { door: 'store', auth: 'staff', tags: ['Admin: settings'] } as const;
const payments = { door: 'store', auth: 'public', tags: ['Shopper: checkout'] } as const;

export const paymentOperations = operations({
  getPaymentSettings: {
    ...settings,
    method: 'get',
    path: '/api/admin/settings/payments',
    summary: 'The payment provider and masked key ids (secrets are never read back)',
    status: 200,
    response: paymentSettings,
    errors: [],
  },
  putPaymentSettings: {
    ...settings,
    method: 'put',
    path: '/api/admin/settings/payments',
    summary: 'Choose the provider and its credentials (owner or admin)',
    body: paymentSettingsBody,
    status: 200,
    response: paymentSettings,
    errors: [400, 422],
  },
  goLive: {
    ...settings,
    method: 'post',
    path: '/api/admin/settings/payments/go-live',
    summary: 'Leave test mode (live keys the provider accepts now)',
    body: emptyBody,
    bodyOptional: true,
    status: 200,
    response: paymentSettings,
    errors: [400, 409, 422],
  },
  goTestMode: {
    ...settings,
    method: 'post',
    path: '/api/admin/settings/payments/test-mode',
    summary: 'Back to test mode (owner only)',
    body: emptyBody,
    bodyOptional: true,
    status: 200,
    response: paymentSettings,
    errors: [400, 409],
  },
  simulatePayment: {
    ...payments,
    method: 'post',
    path: '/api/store/payments/{id}/simulate',
    summary: 'Test mode only: the offline provider sends its signed webhook (a live store: 403)',
    params: paymentIdParams,
    body: simulateBody,
    status: 202,
    response: z.looseObject({ eventId: z.string(), type: z.string(), webhookStatus: z.int() }),
    errors: [400, 403, 404, 409],
  },
  confirmPayment: {
    ...payments,
    method: 'post',
    path: '/api/store/payments/{id}/confirm',
    summary: 'The provider checkout’s signed answer (Razorpay)',
    params: paymentIdParams,
    body: confirmBody,
    status: 200,
    response: z.looseObject({ paymentId: z.string(), outcome: z.enum(['succeeded', 'failed', 'pending']) }),
    errors: [400, 404, 409],
  },
  webhook: {
    method: 'post',
    path: '/api/webhooks/{provider}',
    door: 'store',
    auth: 'public',
    tags: ['Provider webhooks'],
    summary: 'A provider’s signed event (a bad signature is 400 and stores nothing; a repeat is 200)',
    params: webhookParams,
    body: z.unknown(),
    status: 200,
    response: z.looseObject({
      received: z.boolean(),
      ignored: z.boolean().optional(),
      duplicate: z.boolean().optional(),
    }),
    errors: [400, 404, 413],
  },
});

export type PaymentSettings = z.infer<typeof paymentSettings>;
