import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import type { ProviderEvent, WebhookVerification } from '../provider';
import {
  RAZORPAY_EVENT_ID_HEADER,
  RAZORPAY_SIGNATURE_HEADER,
  razorpayHmac,
  sameSignature,
} from './razorpay-signature';

/**
 * Verifies and normalises a Razorpay webhook. The signature covers the raw body only: Razorpay
 * signs no timestamp, so there is no tolerance window to check (`VerifyOptions.now` is unused).
 * Replay is bounded instead by the event id: receipts are stored once per
 * (tenant, provider, x-razorpay-event-id) and kept 30 days, so a redelivered or replayed event is
 * recognised. That header is not signed: a replay under a new id can only repeat a transition the
 * payment lifecycle already made, which the processor records as ignored.
 */

const EVENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MALFORMED = { ok: false, reason: 'malformed_event' } as const;

const envelope = z.object({
  entity: z.literal('event'),
  event: z.string().min(1).max(100),
  payload: z.record(z.string(), z.unknown()),
});

const paymentEntity = z.object({
  entity: z.object({
    id: z.string().min(1).max(100),
    order_id: z.string().min(1).max(100).nullish(),
    amount: z.number().int().nonnegative(),
    error_code: z.string().max(200).nullish(),
    error_reason: z.string().max(200).nullish(),
  }),
});

/** Razorpay sends empty notes as `[]`, filled ones as an object. */
const notes = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).nullish();

const refundEntity = z.object({
  entity: z.object({
    id: z.string().min(1).max(100),
    amount: z.number().int().positive(),
    receipt: z.string().max(200).nullish(),
    notes,
  }),
});

export function verifyRazorpayWebhook(
  rawBody: Buffer,
  headers: IncomingHttpHeaders,
  secret: string,
): WebhookVerification {
  if (!secret) return { ok: false, reason: 'missing_secret' };
  const signature = headers[RAZORPAY_SIGNATURE_HEADER];
  if (typeof signature !== 'string' || signature.length === 0)
    return { ok: false, reason: 'missing_signature' };
  if (!sameSignature(signature, razorpayHmac(secret, rawBody))) return { ok: false, reason: 'bad_signature' };
  const eventId = headers[RAZORPAY_EVENT_ID_HEADER];
  if (typeof eventId !== 'string' || !EVENT_ID.test(eventId)) return MALFORMED;
  const body = envelope.safeParse(parseJson(rawBody));
  if (!body.success) return MALFORMED;
  return normalise(eventId, body.data.event, body.data.payload);
}

const ACTED_ON = new Set(['payment.captured', 'payment.failed', 'refund.processed', 'refund.failed']);

/** The four events Fleet acts on; every other genuine event is acknowledged with `event: null`. */
function normalise(eventId: string, name: string, payload: Record<string, unknown>): WebhookVerification {
  if (!ACTED_ON.has(name)) return { ok: true, event: null };
  const payment = paymentEntity.safeParse(payload.payment);
  if (!payment.success) return MALFORMED;
  const { order_id: orderId, amount, error_code: code, error_reason: why } = payment.data.entity;
  // Fleet pays through orders only; a payment without one (a payment link, a page) is not ours.
  if (!orderId) return { ok: true, event: null };
  if (name === 'payment.captured') {
    return { ok: true, event: { eventId, type: 'payment.succeeded', providerPaymentId: orderId, amount } };
  }
  if (name === 'payment.failed') {
    const reason = [code, why].filter(Boolean).join('/') || 'payment_failed';
    return {
      ok: true,
      event: { eventId, type: 'payment.attempt_failed', providerPaymentId: orderId, reason },
    };
  }
  const refund = refundEntity.safeParse(payload.refund);
  if (!refund.success) return MALFORMED;
  // `refund.failed`: a refund Razorpay had accepted (pending) could not be made.
  const event: ProviderEvent = {
    eventId,
    type: name === 'refund.failed' ? 'refund.failed' : 'refund.succeeded',
    providerPaymentId: orderId,
    amount: refund.data.entity.amount,
  };
  if (name === 'refund.failed') event.reason = 'razorpay_refund_failed';
  const refundId = ourRefundId(refund.data.entity);
  if (refundId) event.refundId = refundId;
  return { ok: true, event };
}

/** Our refund id, which we send both as the refund's notes.fleet_refund_id and its receipt. */
function ourRefundId(refund: z.infer<typeof refundEntity>['entity']): string | undefined {
  const fromNotes = refund.notes && !Array.isArray(refund.notes) ? refund.notes.fleet_refund_id : undefined;
  if (typeof fromNotes === 'string' && fromNotes) return fromNotes;
  return refund.receipt ?? undefined;
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}
