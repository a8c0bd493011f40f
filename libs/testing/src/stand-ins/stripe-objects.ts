import { randomBytes } from 'node:crypto';

/**
 * The Stripe objects the stand-in keeps and returns, shaped as the API documents them (the fields
 * a payment integration reads, not every field). Exported so tests can build the exact events the
 * stand-in would send without going through its state.
 */
export const STRIPE_STAND_IN_API_VERSION = '2026-10-28.endive';

export type StripeMetadataJson = Record<string, string>;

export interface StripePaymentErrorJson {
  type: 'card_error';
  code: string;
  decline_code?: string;
  message: string;
}

export interface StripePaymentIntentJson {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  automatic_payment_methods: { enabled: boolean } | null;
  capture_method: 'automatic';
  client_secret: string;
  confirmation_method: 'automatic';
  created: number;
  currency: string;
  description: string | null;
  last_payment_error: StripePaymentErrorJson | null;
  latest_charge: string | null;
  livemode: false;
  metadata: StripeMetadataJson;
  payment_method_types: string[];
  receipt_email: string | null;
  status: 'requires_payment_method' | 'processing' | 'succeeded';
}

export interface StripeRefundJson {
  id: string;
  object: 'refund';
  amount: number;
  charge: string;
  created: number;
  currency: string;
  metadata: StripeMetadataJson;
  payment_intent: string;
  reason: string | null;
  /** `pending` while held (`holdNextRefunds`), `failed` once failed (`failRefund`). */
  status: 'succeeded' | 'pending' | 'failed';
  failure_reason?: string;
}

export interface StripeChargeJson {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  created: number;
  currency: string;
  livemode: false;
  metadata: StripeMetadataJson;
  paid: boolean;
  payment_intent: string;
  refunded: boolean;
  refunds: { object: 'list'; data: StripeRefundJson[]; has_more: false; total_count: number; url: string };
  status: 'succeeded';
}

export interface StripeEventJson {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: object };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

/** Stripe-style ids: a type prefix and 24 alphanumerics. */
export const stripeObjectId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

const unixNow = () => Math.floor(Date.now() / 1000);

export function newStripePaymentIntent(init: {
  id?: string;
  amount: number;
  currency: string;
  metadata?: StripeMetadataJson;
  receiptEmail?: string | null;
  description?: string | null;
  automaticPaymentMethods?: boolean;
}): StripePaymentIntentJson {
  const id = init.id ?? stripeObjectId('pi');
  return {
    id,
    object: 'payment_intent',
    amount: init.amount,
    amount_capturable: 0,
    amount_received: 0,
    automatic_payment_methods: init.automaticPaymentMethods === false ? null : { enabled: true },
    capture_method: 'automatic',
    client_secret: `${id}_secret_${randomBytes(12).toString('hex')}`,
    confirmation_method: 'automatic',
    created: unixNow(),
    currency: init.currency.toLowerCase(),
    description: init.description ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: init.metadata ?? {},
    payment_method_types: ['card'],
    receipt_email: init.receiptEmail ?? null,
    status: 'requires_payment_method',
  };
}

/** The shopper's card is charged: the intent succeeds with its charge (returned). */
export function succeedStripePaymentIntent(intent: StripePaymentIntentJson): StripeChargeJson {
  const charge: StripeChargeJson = {
    id: stripeObjectId('ch'),
    object: 'charge',
    amount: intent.amount,
    amount_captured: intent.amount,
    amount_refunded: 0,
    captured: true,
    created: unixNow(),
    currency: intent.currency,
    livemode: false,
    metadata: { ...intent.metadata },
    paid: true,
    payment_intent: intent.id,
    refunded: false,
    refunds: { object: 'list', data: [], has_more: false, total_count: 0, url: '' },
    status: 'succeeded',
  };
  charge.refunds.url = `/v1/charges/${charge.id}/refunds`;
  Object.assign(intent, {
    status: 'succeeded',
    amount_received: intent.amount,
    latest_charge: charge.id,
    last_payment_error: null,
  });
  return charge;
}

/** The card is declined: the intent goes back to waiting for a payment method, with the error. */
export function failStripePaymentIntent(intent: StripePaymentIntentJson): void {
  intent.status = 'requires_payment_method';
  intent.last_payment_error = {
    type: 'card_error',
    code: 'card_declined',
    decline_code: 'generic_decline',
    message: 'Your card was declined.',
  };
}

/** A refund of (part of) the charge, recorded on it newest first as Stripe lists them. */
export function refundStripeCharge(
  charge: StripeChargeJson,
  init: { amount: number; reason?: string | null; metadata?: StripeMetadataJson; pending?: boolean },
): StripeRefundJson {
  const refund: StripeRefundJson = {
    id: stripeObjectId('re'),
    object: 'refund',
    amount: init.amount,
    charge: charge.id,
    created: unixNow(),
    currency: charge.currency,
    metadata: init.metadata ?? {},
    payment_intent: charge.payment_intent,
    reason: init.reason ?? null,
    status: init.pending ? 'pending' : 'succeeded',
  };
  charge.amount_refunded += init.amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  charge.refunds.data.unshift(refund);
  charge.refunds.total_count += 1;
  return refund;
}

/** An event carrying a snapshot of the object as it is now (later changes do not show in it). */
export function newStripeEvent(
  type: string,
  object: object,
  options: { apiVersion?: string; requestId?: string; idempotencyKey?: string } = {},
): StripeEventJson {
  return {
    id: stripeObjectId('evt'),
    object: 'event',
    api_version: options.apiVersion ?? STRIPE_STAND_IN_API_VERSION,
    created: unixNow(),
    data: { object: structuredClone(object) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: options.requestId ?? null, idempotency_key: options.idempotencyKey ?? null },
    type,
  };
}
