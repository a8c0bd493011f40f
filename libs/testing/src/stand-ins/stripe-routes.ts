import { formObject, formString, type StripeFormObject } from './stripe-form';
import { invalidRequest, type StripeReply } from './stripe-http';
import {
  createPaymentIntent,
  findAccountRefund,
  findPaymentIntent,
  refundPaymentIntent,
  type StripeAccountState,
  type StripeLedger,
  type StripeRequestRef,
} from './stripe-ledger';
import type { StripeEventJson, StripeMetadataJson } from './stripe-objects';

/**
 * The part of Stripe's v1 API a PaymentIntents integration uses, with Stripe's validation where a
 * caller's mistake would otherwise pass unnoticed (unknown or missing parameters, bad integers).
 */
export interface StripeRouteInput {
  ledger: StripeLedger;
  account: StripeAccountState;
  request: StripeRequestRef;
  form: StripeFormObject;
}

export interface StripeRouteResult {
  reply: StripeReply;
  /** Events the request caused, for delivery to the account's webhook. */
  events?: StripeEventJson[];
}

interface Route {
  method: 'GET' | 'POST';
  path: RegExp;
  /** Top-level parameters accepted (`expand` always is). */
  params: readonly string[];
  handle(input: StripeRouteInput, match: RegExpExecArray): StripeRouteResult;
}

const ROUTES: readonly Route[] = [
  {
    method: 'POST',
    path: /^\/v1\/payment_intents$/,
    params: ['amount', 'currency', 'automatic_payment_methods', 'metadata', 'receipt_email', 'description'],
    handle: ({ ledger, account, form }) => {
      const automatic = formObject(form, 'automatic_payment_methods');
      const intent = createPaymentIntent(ledger, account, {
        amount: positiveInteger(form, 'amount', true) as number,
        currency: currency(form),
        metadata: metadata(form),
        receiptEmail: formString(form, 'receipt_email') ?? null,
        description: formString(form, 'description') ?? null,
        automaticPaymentMethods: automatic ? booleanParam(automatic, 'enabled') : false,
      });
      return { reply: { status: 200, body: intent } };
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/payment_intents\/([^/]+)$/,
    params: ['client_secret'],
    handle: ({ account }, match) => ({
      reply: { status: 200, body: findPaymentIntent(account, decodeURIComponent(match[1] as string)) },
    }),
  },
  {
    method: 'POST',
    path: /^\/v1\/refunds$/,
    params: ['payment_intent', 'amount', 'reason', 'metadata'],
    handle: ({ ledger, account, request, form }) => {
      const paymentIntentId = formString(form, 'payment_intent');
      if (!paymentIntentId) throw missing('payment_intent');
      const amount = positiveInteger(form, 'amount', false);
      const { refund, event } = refundPaymentIntent(ledger, account, request, {
        paymentIntentId,
        ...(amount !== undefined ? { amount } : {}),
        ...refundReason(form),
        metadata: metadata(form),
      });
      return { reply: { status: 200, body: refund }, events: [event] };
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/refunds\/([^/]+)$/,
    params: [],
    handle: ({ account }, match) => ({
      reply: { status: 200, body: findAccountRefund(account, decodeURIComponent(match[1] as string)) },
    }),
  },
  {
    method: 'GET',
    path: /^\/v1\/balance$/,
    params: [],
    handle: () => ({
      reply: {
        status: 200,
        body: {
          object: 'balance',
          available: [{ amount: 0, currency: 'usd', source_types: { card: 0 } }],
          livemode: false,
          pending: [{ amount: 0, currency: 'usd', source_types: { card: 0 } }],
        },
      },
    }),
  },
];

export function routeStripeRequest(method: string, path: string, input: StripeRouteInput): StripeRouteResult {
  for (const route of ROUTES) {
    const match = route.method === method ? route.path.exec(path) : null;
    if (!match) continue;
    const unknown = Object.keys(input.form).find((k) => k !== 'expand' && !route.params.includes(k));
    if (unknown)
      throw invalidRequest(`Received unknown parameter: ${unknown}`, {
        code: 'parameter_unknown',
        param: unknown,
      });
    return route.handle(input, match);
  }
  throw invalidRequest(
    `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    {},
    404,
  );
}

const missing = (param: string) =>
  invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });

function positiveInteger(form: StripeFormObject, param: string, required: boolean): number | undefined {
  const raw = formString(form, param);
  if (raw === undefined) {
    if (required) throw missing(param);
    return undefined;
  }
  if (!/^\d{1,12}$/.test(raw) || Number(raw) < 1) {
    throw invalidRequest(`Invalid integer: ${raw}`, { code: 'parameter_invalid_integer', param });
  }
  return Number(raw);
}

function currency(form: StripeFormObject): string {
  const raw = formString(form, 'currency');
  if (raw === undefined) throw missing('currency');
  if (!/^[a-z]{3}$/i.test(raw)) throw invalidRequest(`Invalid currency: ${raw}.`, { param: 'currency' });
  return raw.toLowerCase();
}

function booleanParam(form: StripeFormObject, param: string): boolean {
  const raw = formString(form, param);
  if (raw !== 'true' && raw !== 'false') throw invalidRequest(`Invalid boolean: ${raw}`, { param });
  return raw === 'true';
}

/** Stripe's metadata rules: up to 50 string values, keys up to 40 and values up to 500 characters. */
function metadata(form: StripeFormObject): StripeMetadataJson {
  const raw = formObject(form, 'metadata') ?? {};
  const entries = Object.entries(raw);
  const bad = entries.find(([k, v]) => typeof v !== 'string' || k.length > 40 || v.length > 500);
  if (entries.length > 50 || bad) {
    throw invalidRequest('Invalid metadata.', { param: bad ? `metadata[${bad[0]}]` : 'metadata' });
  }
  return Object.fromEntries(entries) as StripeMetadataJson;
}

function refundReason(form: StripeFormObject): { reason?: string } {
  const reason = formString(form, 'reason');
  if (reason === undefined) return {};
  if (!['duplicate', 'fraudulent', 'requested_by_customer'].includes(reason)) {
    throw invalidRequest(`Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer`, {
      param: 'reason',
    });
  }
  return { reason };
}
