import { AppError } from '@fleet/errors';
import { z } from 'zod';
import type { ConfirmOutcome, ProviderEvent, ProviderPaymentState, WebhookVerification } from '../provider';

/**
 * What Stripe's events and PaymentIntents mean for Fleet. Only the fields we act on are read,
 * and they are checked: a verified payload is still data from outside.
 */
const eventEnvelope = z.object({
  id: z.string().min(1).max(255),
  object: z.literal('event'),
  type: z.string().min(1).max(255),
  data: z.object({ object: z.unknown() }),
});

const paymentIntent = z.object({
  id: z.string().min(1).max(255),
  object: z.literal('payment_intent'),
  status: z.string(),
  amount_received: z.number().int().nonnegative(),
  metadata: z.record(z.string(), z.string()).nullish(),
  last_payment_error: z.object({ code: z.string().nullish() }).nullish(),
});

const refund = z.object({
  id: z.string().min(1).max(255),
  amount: z.number().int().positive(),
  metadata: z.record(z.string(), z.string()).nullish(),
});

/** A Refund as `refund.updated` / `refund.created` carry it: our id is in its own metadata. */
const refundObject = refund.extend({
  object: z.literal('refund'),
  status: z.string(),
  payment_intent: z.string().min(1).max(255).nullish(),
  failure_reason: z.string().max(100).nullish(),
});

const charge = z.object({
  id: z.string().min(1).max(255),
  object: z.literal('charge'),
  payment_intent: z.string().min(1).max(255).nullish(),
  refunds: z.object({ data: z.array(refund) }).nullish(),
});

type StripePaymentIntent = z.infer<typeof paymentIntent>;

/** Metadata keys we write on Stripe objects, so their events lead back to our ids. */
export const STRIPE_METADATA = {
  paymentId: 'fleet_payment_id',
  orderId: 'fleet_order_id',
  tenantId: 'fleet_tenant_id',
  refundId: 'fleet_refund_id',
  reason: 'fleet_reason',
} as const;

/** A verified Stripe event as Fleet's normalised event; other types are acknowledged (`null`). */
export function toProviderEvent(payload: unknown): WebhookVerification {
  const envelope = eventEnvelope.safeParse(payload);
  if (!envelope.success) return { ok: false, reason: 'malformed_event' };
  const { id: eventId, type, data } = envelope.data;
  switch (type) {
    case 'payment_intent.succeeded':
    case 'payment_intent.payment_failed': {
      const intent = paymentIntent.safeParse(data.object);
      if (!intent.success) return { ok: false, reason: 'malformed_event' };
      return { ok: true, event: intentEvent(eventId, type, intent.data) };
    }
    case 'charge.refunded': {
      const refunded = charge.safeParse(data.object);
      if (!refunded.success) return { ok: false, reason: 'malformed_event' };
      return { ok: true, event: refundEvent(eventId, refunded.data) };
    }
    // Current API versions leave `refunds` out of charge.refunded; the Refund's own events carry
    // our id, and a refund Stripe answered `pending` settles by them when it succeeds.
    case 'refund.created':
    case 'refund.updated':
    case 'refund.failed': {
      const parsed = refundObject.safeParse(data.object);
      if (!parsed.success) return { ok: false, reason: 'malformed_event' };
      return { ok: true, event: refundStatusEvent(eventId, parsed.data) };
    }
    default:
      return { ok: true, event: null };
  }
}

/**
 * What a PaymentIntent read from the API says, as the event its webhook would bring (a distinct
 * id per outcome, so it is stored once however often the storefront confirms).
 */
export function confirmFromIntent(read: unknown, tenantId: string): ConfirmOutcome {
  const parsed = paymentIntent.safeParse(read);
  if (!parsed.success) return { ok: false, reason: 'malformed_payment_intent' };
  const intent = parsed.data;
  const owner = intent.metadata?.[STRIPE_METADATA.tenantId];
  if (owner !== undefined && owner !== tenantId) return { ok: false, reason: 'payment_of_another_tenant' };
  if (intent.status === 'succeeded') {
    return { ok: true, event: intentEvent(`confirm_${intent.id}`, 'payment_intent.succeeded', intent) };
  }
  if (intent.status === 'requires_payment_method' && intent.last_payment_error) {
    const eventId = `confirm_${intent.id}_failed`;
    return { ok: true, event: intentEvent(eventId, 'payment_intent.payment_failed', intent) };
  }
  return { ok: true, event: null };
}

/** Shopper authorised, Stripe still settling (or waiting on the shopper's bank / 3-D Secure). */
const IN_FLIGHT = new Set(['processing', 'requires_action', 'requires_confirmation', 'requires_capture']);

/**
 * A PaymentIntent read from the API as a payment state. A success is the event its webhook would
 * bring, with the storefront confirmation's event id (`confirm_<intent>`): whichever of the
 * confirmation, this read and the webhook comes second changes nothing. `requires_payment_method`
 * (nothing tried, or an attempt declined) and `canceled` are unpaid.
 */
export function intentState(read: unknown, tenantId: string): ProviderPaymentState {
  const parsed = paymentIntent.safeParse(read);
  const owner = parsed.success ? parsed.data.metadata?.[STRIPE_METADATA.tenantId] : undefined;
  if (!parsed.success || (owner !== undefined && owner !== tenantId)) {
    throw new AppError('unavailable', 'Stripe answered a PaymentIntent Fleet cannot use.', {
      code: 'provider_error',
    });
  }
  const intent = parsed.data;
  if (intent.status === 'succeeded') {
    return {
      status: 'succeeded',
      event: intentEvent(`confirm_${intent.id}`, 'payment_intent.succeeded', intent),
    };
  }
  return { status: IN_FLIGHT.has(intent.status) ? 'processing' : 'unpaid' };
}

function intentEvent(
  eventId: string,
  type: 'payment_intent.succeeded' | 'payment_intent.payment_failed',
  intent: StripePaymentIntent,
): ProviderEvent {
  if (type === 'payment_intent.succeeded') {
    return {
      eventId,
      type: 'payment.succeeded',
      providerPaymentId: intent.id,
      amount: intent.amount_received,
    };
  }
  const reason = intent.last_payment_error?.code ?? 'payment_failed';
  return { eventId, type: 'payment.attempt_failed', providerPaymentId: intent.id, reason };
}

/**
 * `charge.refunded` carries the Charge; the refund it is about is the newest one we made (the
 * list is newest first; only ours carry `fleet_refund_id`). A refund made in Stripe's dashboard
 * has none: the event goes on without a refund id and the processor records it as external.
 */
function refundEvent(eventId: string, refunded: z.infer<typeof charge>): ProviderEvent | null {
  if (!refunded.payment_intent) return null;
  const ours = refunded.refunds?.data.find((r) => r.metadata?.[STRIPE_METADATA.refundId]);
  const event: ProviderEvent = {
    eventId,
    type: 'refund.succeeded',
    providerPaymentId: refunded.payment_intent,
  };
  if (ours) {
    event.amount = ours.amount;
    event.refundId = ours.metadata?.[STRIPE_METADATA.refundId] as string;
  }
  return event;
}

/**
 * A Refund's own events: `succeeded` settles ours; `failed` (with Stripe's `failure_reason`, e.g.
 * `expired_or_canceled_card`) and `canceled` end it failed. Other statuses are still on the way.
 */
function refundStatusEvent(eventId: string, r: z.infer<typeof refundObject>): ProviderEvent | null {
  const refundId = r.metadata?.[STRIPE_METADATA.refundId];
  if (!r.payment_intent || !refundId) return null;
  const base = { eventId, providerPaymentId: r.payment_intent, amount: r.amount, refundId };
  if (r.status === 'succeeded') return { ...base, type: 'refund.succeeded' };
  if (r.status === 'failed' || r.status === 'canceled') {
    const why = r.failure_reason ? `${r.status}: ${r.failure_reason}` : r.status;
    return { ...base, type: 'refund.failed', reason: `stripe_refund_${why}` };
  }
  return null;
}
