import type { StripeReply } from './stripe-http';
import { invalidRequest } from './stripe-http';
import {
  failStripePaymentIntent,
  newStripeEvent,
  newStripePaymentIntent,
  refundStripeCharge,
  STRIPE_STAND_IN_API_VERSION,
  succeedStripePaymentIntent,
  type StripeChargeJson,
  type StripeEventJson,
  type StripeMetadataJson,
  type StripePaymentIntentJson,
  type StripeRefundJson,
} from './stripe-objects';

/** A merchant's Stripe account on the stand-in, found by its secret key. */
export interface StripeStandInAccount {
  secretKey: string;
  publishableKey?: string;
  webhookSecret: string;
  /** Where this account's webhook endpoint is; without it events are only recorded. */
  webhook?: { url: string; headers?: () => Record<string, string> };
}

export interface StripeAccountState {
  config: StripeStandInAccount;
  /** The last `Stripe-Version` the account's client sent: its events carry it. */
  apiVersion: string;
  intents: Map<string, StripePaymentIntentJson>;
  charges: Map<string, StripeChargeJson>;
  /** Idempotency-Key → the first answer, replayed for the same parameters. */
  replays: Map<string, { fingerprint: string; reply: StripeReply }>;
}

/** Everything the stand-in knows: accounts, and every event in the order it happened. */
export interface StripeLedger {
  accounts: Map<string, StripeAccountState>;
  events: StripeEventJson[];
  /** PaymentIntent id → its account (the shopper pays by intent id only). */
  owners: Map<string, StripeAccountState>;
  /** Refunds still to be answered `pending` (as Stripe does for some payment methods). */
  heldRefunds: number;
}

/** Who made the request an event came from, as Stripe records it on the event. */
export interface StripeRequestRef {
  requestId: string;
  idempotencyKey?: string;
}

export function newStripeLedger(): StripeLedger {
  return { accounts: new Map(), events: [], owners: new Map(), heldRefunds: 0 };
}

export function openStripeAccount(ledger: StripeLedger, config: StripeStandInAccount): void {
  ledger.accounts.set(config.secretKey, {
    config,
    apiVersion: STRIPE_STAND_IN_API_VERSION,
    intents: new Map(),
    charges: new Map(),
    replays: new Map(),
  });
}

export function createPaymentIntent(
  ledger: StripeLedger,
  account: StripeAccountState,
  init: Parameters<typeof newStripePaymentIntent>[0],
): StripePaymentIntentJson {
  const intent = newStripePaymentIntent(init);
  account.intents.set(intent.id, intent);
  ledger.owners.set(intent.id, account);
  return intent;
}

export function findPaymentIntent(account: StripeAccountState, id: string, param?: string) {
  const intent = account.intents.get(id);
  if (!intent) {
    throw invalidRequest(
      `No such payment_intent: '${id}'`,
      { code: 'resource_missing', ...(param ? { param } : {}) },
      param ? 400 : 404,
    );
  }
  return intent;
}

/**
 * Refunds a succeeded PaymentIntent's charge (the whole remainder when no amount is given) and
 * records `charge.refunded`, as Stripe does for every refund, partial or full.
 */
export function refundPaymentIntent(
  ledger: StripeLedger,
  account: StripeAccountState,
  request: StripeRequestRef,
  init: { paymentIntentId: string; amount?: number; reason?: string; metadata?: StripeMetadataJson },
): { refund: StripeRefundJson; event: StripeEventJson } {
  const intent = findPaymentIntent(account, init.paymentIntentId, 'payment_intent');
  const charge = intent.latest_charge ? account.charges.get(intent.latest_charge) : undefined;
  if (intent.status !== 'succeeded' || !charge) {
    throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, {
      code: 'payment_intent_unexpected_state',
      param: 'payment_intent',
    });
  }
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining === 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: 'charge_already_refunded',
    });
  }
  const amount = init.amount ?? remaining;
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
      { code: 'amount_too_large', param: 'amount' },
    );
  }
  const pending = ledger.heldRefunds > 0;
  if (pending) ledger.heldRefunds -= 1;
  const refund = refundStripeCharge(charge, {
    amount,
    reason: init.reason ?? null,
    metadata: init.metadata ?? {},
    pending,
  });
  // A held refund is only created (its outcome comes later); otherwise the charge is refunded.
  const event = pending
    ? record(ledger, account, 'refund.created', refund, request)
    : record(ledger, account, 'charge.refunded', charge, request);
  return { refund, event };
}

/**
 * A pending refund fails at the bank (Stripe's `failure_reason`, e.g. `expired_or_canceled_card`):
 * the amount is no longer refunded on the charge and `refund.failed` is recorded.
 */
export function failRefund(
  ledger: StripeLedger,
  refundId: string,
  failureReason: string,
): { account: StripeAccountState; event: StripeEventJson } {
  const { account, refund } = findRefund(ledger, refundId);
  if (refund.status !== 'pending') throw new Error(`Stripe stand-in: refund ${refundId} is ${refund.status}`);
  const charge = account.charges.get(refund.charge) as StripeChargeJson;
  refund.status = 'failed';
  refund.failure_reason = failureReason;
  charge.amount_refunded -= refund.amount;
  charge.refunded = false;
  return { account, event: record(ledger, account, 'refund.failed', refund) };
}

/**
 * A pending refund reaches the customer: `succeeded`, and `refund.updated` is recorded (its own
 * event carries our metadata, as for a refund Stripe answered `pending`).
 */
export function succeedRefund(
  ledger: StripeLedger,
  refundId: string,
): { account: StripeAccountState; event: StripeEventJson } {
  const { account, refund } = findRefund(ledger, refundId);
  if (refund.status !== 'pending') throw new Error(`Stripe stand-in: refund ${refundId} is ${refund.status}`);
  refund.status = 'succeeded';
  return { account, event: record(ledger, account, 'refund.updated', refund) };
}

/** A refund of any of the account's charges, by id (`GET /v1/refunds/:id`). */
export function findAccountRefund(account: StripeAccountState, refundId: string): StripeRefundJson {
  for (const charge of account.charges.values()) {
    const refund = charge.refunds.data.find((r) => r.id === refundId);
    if (refund) return refund;
  }
  throw invalidRequest(`No such refund: '${refundId}'`, { code: 'resource_missing' }, 404);
}

function findRefund(
  ledger: StripeLedger,
  refundId: string,
): { account: StripeAccountState; refund: StripeRefundJson } {
  for (const account of ledger.accounts.values()) {
    for (const charge of account.charges.values()) {
      const refund = charge.refunds.data.find((r) => r.id === refundId);
      if (refund) return { account, refund };
    }
  }
  throw new Error(`Stripe stand-in: no refund ${refundId}`);
}

/**
 * The shopper completes (or fails) the PaymentIntent at Stripe; `processing`: the shopper paid
 * with a method Stripe settles later (a bank debit), and it can still succeed or fail after.
 */
export function settlePaymentIntent(
  ledger: StripeLedger,
  paymentIntentId: string,
  outcome: 'succeeded' | 'failed' | 'processing',
): { account: StripeAccountState; event: StripeEventJson } {
  const account = ledger.owners.get(paymentIntentId);
  const intent = account?.intents.get(paymentIntentId);
  if (!account || !intent) throw new Error(`Stripe stand-in: no PaymentIntent ${paymentIntentId}`);
  if (intent.status !== 'requires_payment_method' && intent.status !== 'processing') {
    throw new Error(
      `Stripe stand-in: PaymentIntent ${paymentIntentId} is ${intent.status}, it cannot be paid`,
    );
  }
  if (outcome === 'processing') {
    intent.status = 'processing';
    return { account, event: record(ledger, account, 'payment_intent.processing', intent) };
  }
  if (outcome === 'failed') {
    failStripePaymentIntent(intent);
    return { account, event: record(ledger, account, 'payment_intent.payment_failed', intent) };
  }
  const charge = succeedStripePaymentIntent(intent);
  account.charges.set(charge.id, charge);
  return { account, event: record(ledger, account, 'payment_intent.succeeded', intent) };
}

function record(
  ledger: StripeLedger,
  account: StripeAccountState,
  type: string,
  object: object,
  request?: StripeRequestRef,
): StripeEventJson {
  const event = newStripeEvent(type, object, {
    apiVersion: account.apiVersion,
    ...(request ? { requestId: request.requestId } : {}),
    ...(request?.idempotencyKey ? { idempotencyKey: request.idempotencyKey } : {}),
  });
  ledger.events.push(event);
  return event;
}
